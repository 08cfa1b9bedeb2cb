namespace Esper.Api.Http;

/// <summary>Who may call an endpoint.</summary>
public enum Access
{
    /// <summary>Anyone (health probes, public challenge pages).</summary>
    Public,

    /// <summary>The operator token (tenant management).</summary>
    Operator,

    /// <summary>Any key of the tenant: runtime or admin scope.</summary>
    Runtime,

    /// <summary>Admin-scope keys only.</summary>
    Admin,
}
