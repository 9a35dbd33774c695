using System.Globalization;
using Jichitai.Platform.Audit;
using Jichitai.Platform.Errors;
using Jichitai.Platform.Persistence;
using Jichitai.Platform.Tenancy;
using Jichitai.Registry.Features.Search;
using Jichitai.Registry.Movements;
using Jichitai.Registry.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Jichitai.Registry.Features.Cancellation;

/// <summary>A movement and the residents it wrote, shown before it is cancelled (standard 4.6.0.1).</summary>
public sealed record MovementOverview(MovementEntry Movement, IReadOnlyList<MovementPerson> People)
{
    /// <summary>CancellationHandler refuses when a later movement touched any of the residents.</summary>
    public bool CanCancel => Movement.CancelledByMovementId is null && People.All(p => p.IsLatest);
}

/// <param name="Name">The name as the movement recorded it.</param>
/// <param name="IsLatest">No later movement has touched this resident.</param>
public sealed record MovementPerson(string AddresseeNumber, string Name, bool IsLatest);

/// <summary>Reads one movement by number. Names are personal data, so each resident shown is written to the access log.</summary>
public sealed class MovementLookup(PlatformSettings settings, ITenantScopeAccessor scope, IAuditLog audit)
{
    public async Task<MovementOverview?> FindAsync(long movementId, AuditActor actor, CancellationToken ct)
    {
        var tenantId = scope.RequireTenant();
        await using var db = RegistryDatabase.Create(settings.Database, TenantScope.ForTenant(tenantId));
        var movement = await db.Movements.AsNoTracking().SingleOrDefaultAsync(m => m.Id == movementId, ct);
        if (movement is null) return null;
        var versions = await (from v in db.ResidentVersions.AsNoTracking()
                              join r in db.Residents.AsNoTracking() on v.ResidentId equals r.Id
                              where v.MovementId == movementId
                              orderby v.Id
                              select new { r.AddresseeNumber, v.Record, IsLatest = r.LastVersionId == v.Id }).ToListAsync(ct);
        var people = versions.Select(v => new MovementPerson(v.AddresseeNumber, MovementSession.Deserialize(v.Record).FullName, v.IsLatest)).ToList();
        foreach (var p in people)
            await audit.AppendAsync(tenantId, actor, new AuditRecord(AuditActions.PersonalDataRead, TargetType: "registry.movement",
                TargetId: movementId.ToString(CultureInfo.InvariantCulture), SubjectId: p.AddresseeNumber, Detail: "取消し対象の異動の確認"), ct);
        return new MovementOverview(ResidentQueries.ToEntry(movement), people);
    }
}
