namespace Jichitai.Platform.Tenancy;

/// <summary>
/// Whose data a unit of work may touch. Resolved once per request (from the signed-in staff member)
/// or per CLI command, and enforced by the EF filters and PostgreSQL row-level security.
/// </summary>
public readonly record struct TenantScope
{
    private TenantScope(int? tenantId, ScopeKind kind) { TenantId = tenantId; Kind = kind; }

    public int? TenantId { get; }
    public ScopeKind Kind { get; }

    /// <summary>The audit chain and RLS key: the tenant id, or 0 for the operator's own chain.</summary>
    public int ChainId => TenantId ?? 0;
    /// <summary>The value rows are compared with (EF filters and the PostgreSQL app.tenant_id setting): the tenant id, 0 for the operator, -1 (matches nothing) otherwise.</summary>
    public int IsolationKey => Kind switch
    {
        ScopeKind.Tenant => TenantId!.Value,
        ScopeKind.Operator => 0,
        _ => -1,
    };
    public bool IsSystem => Kind == ScopeKind.System;
    public bool IsOperator => Kind == ScopeKind.Operator;

    public static TenantScope ForTenant(int tenantId) => new(tenantId, ScopeKind.Tenant);
    /// <summary>The operator of the shared service: no tenant's data, only its own.</summary>
    public static TenantScope Operator => new(null, ScopeKind.Operator);
    /// <summary>Administrative tools (migrations, audit verification): bypasses isolation; never used by the web host for a request.</summary>
    public static TenantScope System => new(null, ScopeKind.System);
    /// <summary>Nobody: sees no tenant-owned row.</summary>
    public static TenantScope None => new(null, ScopeKind.None);

    public override string ToString() => Kind switch
    {
        ScopeKind.Tenant => $"tenant {TenantId}",
        _ => Kind.ToString(),
    };
}

public enum ScopeKind { None = 0, Tenant = 1, Operator = 2, System = 3 }

/// <summary>The scope of the current request or command.</summary>
public interface ITenantScopeAccessor
{
    TenantScope Scope { get; set; }
}

public sealed class TenantScopeAccessor : ITenantScopeAccessor
{
    public TenantScope Scope { get; set; } = TenantScope.None;
}

/// <summary>Marks a row that belongs to one tenant. Isolation of such rows is applied centrally.</summary>
public interface ITenantOwned
{
    int TenantId { get; set; }
}

public static class TenantScopeAccessorExtensions
{
    /// <summary>The tenant of the current scope; business data is only ever handled by a tenant's own staff (403 otherwise).</summary>
    public static int RequireTenant(this ITenantScopeAccessor accessor) => accessor.Scope.TenantId
        ?? throw Errors.DomainException.Forbidden("tenant.required", "住民の情報は団体の職員だけが扱えます。");
}
