using Jichitai.Platform.Text;
using System.Data;
using System.Diagnostics;
using System.Text.Json;
using Jichitai.Platform.Audit;
using Jichitai.Platform.Persistence;
using Jichitai.Platform.Protection;
using Jichitai.Platform.Tenancy;
using Jichitai.Registry.Features.Migration.Files;
using Jichitai.Registry.Features.Migration.Layout;
using Jichitai.Registry.Features.Migration.Mapping;
using Jichitai.Registry.Movements;
using Jichitai.Registry.Persistence;
using Jichitai.Registry.Residents;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace Jichitai.Registry.Features.Migration.Export;

public sealed record ExportResult(bool Written, IReadOnlyList<MigrationError> Errors, Import.ImportCounts Counts, TimeSpan Elapsed);


/// <summary>Where an export stands: rows written so far out of the tenant's total.</summary>
public sealed record ExportProgress(string File, long Rows, long TotalRows);

/// <summary>
/// 移行 export (標準10.6 中間標準レイアウト仕様での出力): the whole registry of one tenant in the migration layout, read in one
/// snapshot (one repeatable-read transaction) so the files agree with each other. Files are written to a work folder and
/// moved into place only when every row could be encoded; otherwise nothing is left and the errors say which rows.
/// 個人番号 are written in clear: the files are as sensitive as the database, and the export is audited.
/// </summary>
public sealed class MigrationExporter(PlatformSettings settings, PersonalDataProtector protector, IAuditLog audit)
{
    public async Task<ExportResult> ExportAsync(int tenantId, string directory, StrictEncoding encoding, AuditActor actor,
        IProgress<ExportProgress>? progress, CancellationToken ct)
    {
        var watch = Stopwatch.StartNew();
        var errors = new List<MigrationError>();
        Directory.CreateDirectory(directory);
        var work = Path.Combine(directory, $".export-{Guid.NewGuid():N}");
        Directory.CreateDirectory(work);
        try
        {
            await using var db = RegistryDatabase.Create(settings.Database, TenantScope.System);
            db.Database.SetCommandTimeout(TimeSpan.Zero);
            await db.Database.OpenConnectionAsync(ct);
            await using var tx = await db.Database.BeginTransactionAsync(IsolationLevel.RepeatableRead, ct);
            var total = await db.Residents.IgnoreQueryFilters().CountAsync(r => r.TenantId == tenantId, ct);
            var run = new ExportRun(db, tenantId, work, encoding, errors, protector, progress, total);
            var counts = await run.WriteAllAsync(ct);
            if (errors.Count > 0) return new(false, errors, counts, watch.Elapsed);

            await using (var platform = PlatformDatabase.CreateOnConnection(db.Database.GetDbConnection(), TenantScope.ForTenant(tenantId)))
            {
                await platform.Database.UseTransactionAsync(tx.GetDbTransaction(), ct);
                await audit.AppendWithinAsync(platform, actor, new AuditRecord(AuditActions.MigrationExport, TargetType: "registry.migration",
                    Detail: $"{encoding.Name} 住民{counts.Residents:N0} 世帯{counts.Households:N0} 異動{counts.Movements:N0}"), ct);
            }
            await tx.CommitAsync(ct);
            foreach (var file in MigrationLayout.Files)
                File.Move(Path.Combine(work, file.FileName), Path.Combine(directory, file.FileName), overwrite: true);
            return new(true, errors, counts, watch.Elapsed);
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }
    }

    private sealed class ExportRun(RegistryDbContext db, int tenantId, string work, StrictEncoding encoding, List<MigrationError> errors,
        PersonalDataProtector protector, IProgress<ExportProgress>? progress, long totalResidents)
    {
        private readonly IQueryable<ResidentRow> _residents = db.Residents.IgnoreQueryFilters().AsNoTracking().Where(r => r.TenantId == tenantId);

        public async Task<Import.ImportCounts> WriteAllAsync(CancellationToken ct)
        {
            var households = await HouseholdsAsync(ct);
            var (residents, movements) = await ResidentsAsync(ct);
            var restrictions = await RestrictionsAsync(ct);
            var issues = await CertificatesAsync(ct);
            return new(households, residents, movements, restrictions, issues);
        }

        private MigrationFileWriter Writer(LayoutFile file) => new(work, file, encoding, errors);

        private async Task<int> HouseholdsAsync(CancellationToken ct)
        {
            await using var w = Writer(MigrationLayout.Households);
            var rows = db.Households.IgnoreQueryFilters().AsNoTracking().Where(h => h.TenantId == tenantId)
                .OrderBy(h => h.HouseholdNumber).Select(h => new { h.HouseholdNumber, h.CreatedOn }).AsAsyncEnumerable();
            await foreach (var h in rows.WithCancellation(ct)) w.Write([h.HouseholdNumber, LayoutDates.Format(h.CreatedOn)]);
            return (int)w.Rows;
        }

        private async Task<(int, int)> ResidentsAsync(CancellationToken ct)
        {
            await using var residents = Writer(MigrationLayout.Residents);
            await using var movements = Writer(MigrationLayout.Movements);
            // One ordered stream of every version with its movement; a person's last version is the current record.
            var versions =
                from v in db.ResidentVersions.IgnoreQueryFilters().AsNoTracking()
                join r in _residents on v.ResidentId equals r.Id
                join m in db.Movements.IgnoreQueryFilters().AsNoTracking() on v.MovementId equals m.Id
                where v.TenantId == tenantId
                orderby r.AddresseeNumber, v.Id
                select new { r.AddresseeNumber, r.LastVersionId, VersionId = v.Id, v.Record, Movement = m };
            var history = new List<(MovementRow Movement, ResidentRecord After)>();
            var count = 0;
            await foreach (var v in versions.AsAsyncEnumerable().WithCancellation(ct))
            {
                var after = MovementSession.Deserialize(v.Record);
                history.Add((v.Movement, after));
                if (v.VersionId != v.LastVersionId) continue;
                var personalNumber = after.PersonalNumberProtected is { } p
                    ? protector.Unprotect(tenantId, MovementSession.PersonalNumberPurpose, p) : null;
                residents.Write(ResidentColumns.Write(after, personalNumber));
                for (var i = 0; i < history.Count; i++)
                    movements.Write(MovementColumns.Write(v.AddresseeNumber, i + 1, history[i].Movement, history[i].After));
                history.Clear();
                if (++count % 2000 == 0) progress?.Report(new(MigrationLayout.Residents.FileName, count, totalResidents));
            }
            progress?.Report(new(MigrationLayout.Residents.FileName, count, totalResidents));
            return ((int)residents.Rows, (int)movements.Rows);
        }

        private async Task<int> RestrictionsAsync(CancellationToken ct)
        {
            await using var w = Writer(MigrationLayout.Restrictions);
            var onPeople = await (from x in db.Restrictions.IgnoreQueryFilters().AsNoTracking()
                                  join r in _residents on x.ResidentId equals r.Id
                                  select new { Row = x, Number = r.AddresseeNumber }).ToListAsync(ct);
            var onHouseholds = await (from x in db.Restrictions.IgnoreQueryFilters().AsNoTracking()
                                      join h in db.Households.IgnoreQueryFilters().AsNoTracking() on x.HouseholdId equals h.Id
                                      where x.TenantId == tenantId && x.ResidentId == null
                                      select new { Row = x, Number = h.HouseholdNumber }).ToListAsync(ct);
            foreach (var x in onPeople.Concat(onHouseholds)
                         .OrderBy(x => x.Row.HouseholdId is null ? 1 : 2).ThenBy(x => x.Number, StringComparer.Ordinal).ThenBy(x => x.Row.StartOn).ThenBy(x => x.Row.Id))
                w.Write(RestrictionColumns.Write(x.Row, x.Number));
            return (int)w.Rows;
        }

        private async Task<int> CertificatesAsync(CancellationToken ct)
        {
            await using var w = Writer(MigrationLayout.CertificateIssues);
            var subjects = (await db.CertificateSubjects.IgnoreQueryFilters().AsNoTracking().Where(s => s.TenantId == tenantId)
                    .OrderBy(s => s.Id).Select(s => new { s.IssueId, s.AddresseeNumber }).ToListAsync(ct))
                .ToLookup(s => s.IssueId, s => s.AddresseeNumber);
            var issues = db.CertificateIssues.IgnoreQueryFilters().AsNoTracking().Where(i => i.TenantId == tenantId)
                .OrderBy(i => i.IssuedAt).ThenBy(i => i.IssueNumber).ThenBy(i => i.Id).AsAsyncEnumerable();
            await foreach (var issue in issues.WithCancellation(ct)) w.Write(CertificateColumns.Write(issue, subjects[issue.Id]));
            return (int)w.Rows;
        }
    }
}
