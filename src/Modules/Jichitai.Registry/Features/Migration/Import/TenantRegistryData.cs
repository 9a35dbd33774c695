using Jichitai.Registry.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Jichitai.Registry.Features.Migration.Import;

/// <summary>
/// 置換モード: removes one tenant's registry records (people, households, history, restrictions, 交付履歴, memos …) inside the
/// import's transaction. Configuration (address dictionary, input places, counters) and the access log stay.
/// </summary>
internal static class TenantRegistryData
{
    // Children before parents.
    private static readonly Type[] PersonalTables =
    [
        typeof(CertificateSubjectRow), typeof(CertificateIssueRow), typeof(RestrictionOffenderRow), typeof(RestrictionRow),
        typeof(RecordEntryRow), typeof(MemoRow), typeof(DeFactoHeadRow), typeof(PendingMovementRow),
        typeof(ResidentVersionRow), typeof(MovementRow), typeof(ResidentRow), typeof(HouseholdRow),
    ];

    public static async Task DeleteAsync(RegistryDbContext db, int tenantId, CancellationToken ct)
    {
        foreach (var type in PersonalTables)
        {
            var table = db.Model.FindEntityType(type)!.GetTableName();
#pragma warning disable EF1002 // table names come from the model, the tenant is a parameter
            await db.Database.ExecuteSqlRawAsync($"DELETE FROM {table} WHERE tenant_id = {{0}}", [tenantId], ct);
#pragma warning restore EF1002
        }
    }
}
