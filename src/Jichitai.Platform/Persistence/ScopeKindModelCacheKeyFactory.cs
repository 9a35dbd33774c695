using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace Jichitai.Platform.Persistence;

/// <summary>
/// One EF model per context type and scope kind: the tenant filters differ by kind (System has none), so each kind's
/// filter can be a plain equality instead of an <c>OR</c> over a parameter that query planners cannot prune.
/// </summary>
public sealed class ScopeKindModelCacheKeyFactory : IModelCacheKeyFactory
{
    public object Create(DbContext context, bool designTime) => context is IScopedDbContext scoped
        ? (context.GetType(), scoped.Scope.Kind, designTime)
        : (context.GetType(), designTime);
}
