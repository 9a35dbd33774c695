using Jichitai.Platform.Text;
using System.Diagnostics;
using Jichitai.Platform.Audit;
using Jichitai.Platform.Persistence;
using Jichitai.Platform.Protection;
using Jichitai.Platform.Tenancy;
using Jichitai.Registry.Features.Migration.Files;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace Jichitai.Registry.Features.Migration.Import;

public sealed record ImportOptions(string Directory, StrictEncoding Encoding, bool DryRun = false, bool Replace = false, string? ReplaceReason = null);

public enum ImportOutcome { Imported, DryRunPassed, AlreadyImported, Rejected }

public sealed record ImportCounts(int Households, int Residents, int Movements, int Restrictions, int CertificateIssues)
{
    public int Total => Households + Residents + Movements + Restrictions + CertificateIssues;
}

public sealed record ImportResult(ImportOutcome Outcome, IReadOnlyList<MigrationError> Errors, ImportCounts Counts, TimeSpan Elapsed)
{
    /// <summary>Where the time went: hashing the files, reading and checking (with writing alongside), the last writes, the commit.</summary>
    public IReadOnlyList<(string Phase, TimeSpan Time)> Phases { get; init; } = [];
}

/// <summary>Where an import stands, for a progress bar: bytes of all files read so far, and rows.</summary>
public sealed record ImportProgress(string File, long BytesRead, long BytesTotal, long Rows);

/// <summary>
/// 移行 import (標準10.8): reads the five files of the layout, checks every rule, and loads the tenant in ONE transaction.
/// Any error: nothing is committed and the errors come back for the report. Killed at any point: the transaction dies with
/// the process, so a rerun starts clean; killed after the commit: the rerun finds the run record and reports it as done.
/// </summary>
public sealed class MigrationImporter(PlatformSettings settings, PersonalDataProtector protector, IAuditLog audit, TimeProvider clock)
{
    public async Task<ImportResult> ImportAsync(int tenantId, ImportOptions options, AuditActor actor, IProgress<ImportProgress>? progress, CancellationToken ct)
    {
        var watch = Stopwatch.StartNew();
        var errors = new List<MigrationError>();
        var files = MigrationFileSet.Open(options.Directory, errors);
        if (files is null) return new(ImportOutcome.Rejected, errors, new(0, 0, 0, 0, 0), watch.Elapsed);
        var hash = await files.HashAsync(ct);
        var phases = new List<(string, TimeSpan)> { ("hash", watch.Elapsed) };
        TimeSpan Mark() => watch.Elapsed - phases.Aggregate(TimeSpan.Zero, (a, p) => a + p.Item2);

        await using var db = Persistence.RegistryDatabase.Create(settings.Database, TenantScope.System);
        await db.Database.OpenConnectionAsync(ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await MigrationLock.TakeAsync(db, tenantId, ct);

        var existing = await db.Residents.IgnoreQueryFilters().CountAsync(r => r.TenantId == tenantId, ct);
        if (existing > 0 && await db.MigrationRuns.IgnoreQueryFilters().AnyAsync(r => r.TenantId == tenantId && r.FilesHash == hash, ct))
            return new(ImportOutcome.AlreadyImported, errors, new(0, existing, 0, 0, 0), watch.Elapsed);
        if (existing > 0 && !options.Replace)
        {
            errors.Add(new("", 0, "", existing.ToString(), $"この団体には既に{existing:N0}人の住民が登録されています。置き換える場合は置換モード(--replace)を指定してください"));
            return new(ImportOutcome.Rejected, errors, new(0, 0, 0, 0, 0), watch.Elapsed);
        }
        if (existing > 0 && string.IsNullOrWhiteSpace(options.ReplaceReason))
        {
            errors.Add(new("", 0, "", "", "置換モードでは置き換える理由(--reason)が必要です(アクセスログに記録します)"));
            return new(ImportOutcome.Rejected, errors, new(0, 0, 0, 0, 0), watch.Elapsed);
        }
        if (existing > 0) await TenantRegistryData.DeleteAsync(db, tenantId, ct);

        var writer = await Persistence.BulkWriter.OpenAsync(db, ct);
        var load = new MigrationLoad(tenantId, db, writer, protector, errors, files, options.Encoding, progress);
        ImportCounts counts;
        try
        {
            counts = await load.RunAsync(ct);
            phases.Add(($"read, check and write (writer busy {load.WriteTime.TotalSeconds:N1}s, reader waited {load.WaitTime.TotalSeconds:N1}s)", Mark()));
        }
        finally
        {
            // A batch may still be on its way: the transaction ends only when the connection is idle again.
            try { await writer.WaitAsync(); } catch when (ct.IsCancellationRequested) { }
        }

        if (errors.Count > 0 || options.DryRun)
        {
            await tx.RollbackAsync(ct);
            return new(errors.Count > 0 ? ImportOutcome.Rejected : ImportOutcome.DryRunPassed, errors, counts, watch.Elapsed);
        }

        await load.AdvanceCountersAsync(ct);
        var now = clock.GetUtcNow().UtcDateTime;
        db.MigrationRuns.Add(new Persistence.MigrationRunRow
        {
            TenantId = tenantId, FilesHash = hash, Encoding = options.Encoding.Name, Replaced = existing > 0, Actor = actor.Name,
            StartedAt = now - watch.Elapsed, FinishedAt = now, Households = counts.Households, Residents = counts.Residents,
            Movements = counts.Movements, Restrictions = counts.Restrictions, CertificateIssues = counts.CertificateIssues,
        });
        await db.SaveChangesAsync(ct);
        await using (var platform = PlatformDatabase.CreateOnConnection(db.Database.GetDbConnection(), TenantScope.ForTenant(tenantId)))
        {
            await platform.Database.UseTransactionAsync(tx.GetDbTransaction(), ct);
            await audit.AppendWithinAsync(platform, actor, new AuditRecord(AuditActions.MigrationImport, TargetType: "registry.migration",
                TargetId: hash[..16], Reason: existing > 0 ? options.ReplaceReason : null,
                Detail: $"{(existing > 0 ? $"置換(既存{existing:N0}人を削除) " : "")}住民{counts.Residents:N0} 世帯{counts.Households:N0} 異動{counts.Movements:N0} 支援措置等{counts.Restrictions:N0} 交付履歴{counts.CertificateIssues:N0}"), ct);
        }
        phases.Add(("counters, run record, access log", Mark()));
        await tx.CommitAsync(ct);
        phases.Add(("commit", Mark()));
        return new(ImportOutcome.Imported, errors, counts, watch.Elapsed) { Phases = phases };
    }
}
