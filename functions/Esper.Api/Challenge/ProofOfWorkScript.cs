namespace Esper.Api.Challenge;

/// <summary>
/// The in-page solver: hashes <c>challenge + nonce</c> with WebCrypto in batches (one await per batch keeps the page
/// responsive), then posts the nonce. Screen readers hear the start and the end, not every batch.
/// </summary>
internal static class ProofOfWorkScript
{
    public const string Source = """
        (function(){
        var f=document.getElementById('f'),st=document.getElementById('status'),bar=document.getElementById('bar'),go=document.getElementById('go');
        var ch=f.getAttribute('data-challenge'),d=parseInt(f.getAttribute('data-difficulty'),10);
        if(!window.crypto||!crypto.subtle||!window.TextEncoder){st.textContent='Your browser cannot run this check. Please open this page in an up-to-date browser over a secure connection.';return;}
        st.textContent='Checking your browser. This usually takes about a second.';bar.hidden=false;
        var pre=new TextEncoder().encode(ch),full=d>>3,rest=d&7,mask=rest?(0xff<<(8-rest))&0xff:0,batch=512,n=0;
        function ok(h){for(var i=0;i<full;i++){if(h[i]!==0)return false;}return rest===0||(h[full]&mask)===0;}
        function input(v){var s=String(v),b=new Uint8Array(pre.length+s.length);b.set(pre);for(var j=0;j<s.length;j++){b[pre.length+j]=s.charCodeAt(j);}return b;}
        function done(v){document.getElementById('nonce').value=String(v);bar.hidden=true;st.textContent='Done. Taking you back now.';go.hidden=false;go.focus();f.submit();}
        function step(){var jobs=[];for(var i=0;i<batch;i++){jobs.push(crypto.subtle.digest('SHA-256',input(n+i)));}
        Promise.all(jobs).then(function(hs){for(var i=0;i<hs.length;i++){if(ok(new Uint8Array(hs[i]))){done(n+i);return;}}n+=batch;step();},
        function(){st.textContent='The check could not run in this browser. Please reload the page to try again.';bar.hidden=true;});}
        step();
        })();
        """;
}
