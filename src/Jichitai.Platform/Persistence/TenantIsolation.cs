using System.Linq.Expressions;
using Jichitai.Platform.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace Jichitai.Platform.Persistence;

/// <summary>
/// The application-side isolation layer, shared by every module's DbContext: a global query filter on
/// each <see cref="ITenantOwned"/> entity and a save-time check that stamps and verifies the tenant.
/// PostgreSQL row-level security (see the PostgreSQL migrations) is the second, independent layer.
/// </summary>
public static class TenantIsolation
{
    public const string SessionSetting = "app.tenant_id";
    public const string ApplicationRole = "jichitai_app";
    /// <summary>Marks a model built for System scope (no filters); <see cref="ScopeModelGuard"/> refuses it in any other scope.</summary>
    public const string SystemModelAnnotation = "Jichitai:SystemScopeModel";

    /// <summary>
    /// Adds <c>row.TenantId == scope.IsolationKey</c> to every tenant-owned entity; System scope gets no filter.
    /// The model is cached per scope kind (<see cref="ScopeKindModelCacheKeyFactory"/>), so the filter is a plain equality
    /// that SQLite can use as an index prefix (an <c>OR</c> with a parameter made it scan in index order instead).
    /// </summary>
    public static void ApplyQueryFilters(ModelBuilder modelBuilder, IScopedDbContext context)
    {
        modelBuilder.HasAnnotation(SystemModelAnnotation, context.Scope.IsSystem);
        if (context.Scope.IsSystem) return;
        foreach (var entity in modelBuilder.Model.GetEntityTypes())
        {
            if (!typeof(ITenantOwned).IsAssignableFrom(entity.ClrType) || entity.BaseType is not null) continue;
            var method = typeof(TenantIsolation).GetMethod(nameof(FilterFor), System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Static)!
                .MakeGenericMethod(entity.ClrType);
            modelBuilder.Entity(entity.ClrType).HasQueryFilter((LambdaExpression)method.Invoke(null, [context])!);
        }
    }

    private static Expression<Func<T, bool>> FilterFor<T>(IScopedDbContext context) where T : class, ITenantOwned =>
        row => row.TenantId == context.Scope.IsolationKey;

    /// <summary>Stamps new rows with the scope's tenant and refuses writes to another tenant's rows.</summary>
    public static void CheckBeforeSave(DbContext context, TenantScope scope)
    {
        foreach (var entry in context.ChangeTracker.Entries<ITenantOwned>())
        {
            if (entry.State is EntityState.Unchanged or EntityState.Detached) continue;
            if (scope.IsSystem) continue;
            if (scope.TenantId is not int tenantId)
                throw new InvalidOperationException($"{entry.Entity.GetType().Name} cannot be written outside a tenant scope ({scope}).");
            if (entry.State == EntityState.Added && entry.Entity.TenantId == 0) entry.Entity.TenantId = tenantId;
            if (entry.Entity.TenantId != tenantId)
                throw new InvalidOperationException($"{entry.Entity.GetType().Name} of tenant {entry.Entity.TenantId} cannot be written in scope {scope}.");
        }
    }
}

/// <summary>A DbContext bound to one <see cref="TenantScope"/> for its lifetime.</summary>
public interface IScopedDbContext
{
    TenantScope Scope { get; }
}
