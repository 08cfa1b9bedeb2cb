namespace Esper.Api.Challenge;

/// <summary>The inline style sheet of every challenge page: readable at 360px, visible focus, dark mode, no motion when asked.</summary>
internal static class ChallengePageStyles
{
    public const string Css = """
        :root{color-scheme:light dark;--bg:#f4f5f7;--card:#fff;--fg:#1b1f24;--muted:#4a5361;--accent:#0b57d0}
        @media (prefers-color-scheme:dark){:root{--bg:#14161a;--card:#1f232a;--fg:#eceef1;--muted:#b4bcc8;--accent:#8ab4f8}}
        *{box-sizing:border-box}
        body{margin:0;min-height:100vh;display:flex;align-items:center;justify-content:center;background:var(--bg);color:var(--fg);font:1rem/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif}
        main{width:100%;max-width:30rem;margin:1rem;padding:1.5rem;background:var(--card);border-radius:.75rem;box-shadow:0 1px 4px rgba(0,0,0,.15)}
        h1{font-size:1.3rem;margin:0 0 .5rem}
        p{margin:.5rem 0;overflow-wrap:anywhere}
        .muted{color:var(--muted);font-size:.9rem}
        progress{width:100%;height:.5rem;margin:.75rem 0;accent-color:var(--accent)}
        button,a.button{display:inline-block;min-height:2.75rem;padding:.6rem 1.2rem;border:0;border-radius:.5rem;background:var(--accent);color:#fff;font:inherit;text-decoration:none;cursor:pointer}
        @media (prefers-color-scheme:dark){button,a.button{color:#111}}
        button:focus-visible,a:focus-visible{outline:3px solid var(--accent);outline-offset:3px}
        [hidden]{display:none!important}
        @media (prefers-reduced-motion:reduce){progress{display:none}}
        """;
}
