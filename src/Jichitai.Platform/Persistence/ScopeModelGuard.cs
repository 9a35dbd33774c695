using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Jichitai.Platform.Persistence;

/// <summary>
/// A context's model is chosen by its scope kind when first used (<see cref="ScopeKindModelCacheKeyFactory"/>).
/// If the scope later moves into or out of System, the model's filters no longer match it: refuse every command
/// rather than read another tenant's rows (System model in a tenant scope) or silently see nothing.
/// </summary>
public sealed class ScopeModelGuard : DbCommandInterceptor
{
    public override InterceptionResult<DbCommand> CommandCreating(CommandCorrelatedEventData eventData, InterceptionResult<DbCommand> result)
    {
        if (eventData.Context is IScopedDbContext scoped
            && eventData.Context.Model.FindAnnotation(TenantIsolation.SystemModelAnnotation)?.Value is bool systemModel
            && systemModel != scoped.Scope.IsSystem)
        {
            throw new InvalidOperationException(
                $"{eventData.Context.GetType().Name} was first used in {(systemModel ? "System" : "a non-System")} scope and cannot be used in scope {scoped.Scope}; create a new context.");
        }
        return result;
    }
}
