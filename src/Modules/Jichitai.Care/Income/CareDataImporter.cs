using System.Globalization;
using Jichitai.Care.Assessment;
using Jichitai.Care.Persistence;
using Jichitai.Platform.Audit;
using Jichitai.Platform.Errors;
using Jichitai.Platform.Persistence;
using Jichitai.Platform.Tenancy;
using Jichitai.Platform.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace Jichitai.Care.Income;

/// <summary>
/// 所得情報 (from the 住民税 system) and 特別徴収対象者 (from the 年金保険者) imports, all or nothing: every row is checked first;
/// with any error nothing is written and the errors are returned. Otherwise one transaction records the import, replaces
/// the rows of the people in the file for that year, and recomputes (更正) the premiums of their households for the years
/// that already had a 本算定.
/// </summary>
public sealed class CareDataImporter(PlatformSettings settings, Reassessment reassessment, IAuditLog audit, TimeProvider clock)
{
    public const string IncomeCause = "所得の更正";
    public const string PensionCause = "年金情報の更新";
    /// <summary>People whose 更正 is computed together (the reassessment's IN lists stay well within the providers' limits).</summary>
    private const int ReviseChunk = 1_000;

    public Task<CareImportResult> ImportIncomeAsync(int tenantId, int fiscalYear, Stream csv, string fileName, string? encoding, AuditActor actor, bool dryRun, CancellationToken ct) =>
        ImportAsync(tenantId, fiscalYear, csv, fileName, encoding, actor, dryRun, IncomeLayout.Instance, IncomeCause,
            (c, tx, importId, rows, token) => ImportWriter.WriteIncomesAsync(c, tx, settings.Database.Provider, tenantId, fiscalYear, importId, rows, token), ct);

    public Task<CareImportResult> ImportPensionAsync(int tenantId, int fiscalYear, Stream csv, string fileName, string? encoding, AuditActor actor, bool dryRun, CancellationToken ct) =>
        ImportAsync(tenantId, fiscalYear, csv, fileName, encoding, actor, dryRun, PensionLayout.Instance, PensionCause,
            (c, tx, importId, rows, token) => ImportWriter.WritePensionsAsync(c, tx, settings.Database.Provider, tenantId, fiscalYear, importId, rows, token), ct);

    /// <summary>The latest imports of the tenant (for the import page).</summary>
    public async Task<IReadOnlyList<CareImportRow>> RecentAsync(int tenantId, int count, CancellationToken ct)
    {
        await using var db = CareDatabase.Create(settings.Database, TenantScope.ForTenant(tenantId));
        return await db.Imports.AsNoTracking().OrderByDescending(i => i.Id).Take(count).ToListAsync(ct);
    }

    public static string KindLabel(string kind) => kind switch
    {
        IncomeLayout.KindName => IncomeLayout.Instance.Label,
        PensionLayout.KindName => PensionLayout.Instance.Label,
        _ => kind,
    };

    private delegate Task Writer<T>(System.Data.Common.DbConnection c, System.Data.Common.DbTransaction tx, long importId, IReadOnlyList<T> rows, CancellationToken ct);

    private async Task<CareImportResult> ImportAsync<T>(int tenantId, int fiscalYear, Stream csv, string fileName, string? encodingName, AuditActor actor, bool dryRun,
        IImportLayout<T> layout, string cause, Writer<T> write, CancellationToken ct)
    {
        // 介護保険の年度: the 制度 began in 2000 (平成12年度); a far future year is a typing error.
        if (fiscalYear < 2000 || fiscalYear > 2100)
            throw new DomainException("care.import.year", "年度は2000から2100の間で入力してください。", "fiscalYear");
        StrictEncoding encoding;
        try { encoding = StrictEncoding.Parse(encodingName); }
        catch (ArgumentException e) { throw new DomainException("care.import.encoding", e.Message + "。", "encoding"); }
        fileName = Path.GetFileName(fileName);
        if (fileName.Length > 300) fileName = fileName[^300..];

        var errors = new ImportErrors();
        var (rows, rowsRead) = await ImportFileReader.ReadAsync(csv, encoding, layout, errors);
        await using var db = CareDatabase.Create(settings.Database, TenantScope.ForTenant(tenantId));
        if (rows.Count > 0) await CheckKnownAsync(db, rows, layout, errors, ct);
        if (errors.Count > 0 || dryRun)
            return new(layout.Kind, fiscalYear, dryRun, rowsRead, 0, errors.List.OrderBy(e => e.Line).ToList(), errors.Count, null, 0);

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var import = new CareImportRow
        {
            TenantId = tenantId, Kind = layout.Kind, FiscalYear = fiscalYear, FileName = fileName, Rows = rows.Count,
            At = clock.GetUtcNow().UtcDateTime, Actor = actor.Name,
        };
        db.Imports.Add(import);
        await db.SaveChangesAsync(ct);
        await write(db.Database.GetDbConnection(), tx.GetDbTransaction(), import.Id, rows.Select(r => r.Row).ToList(), ct);
        var revisions = 0;
        if (await db.Runs.AnyAsync(r => r.State == RunState.Completed, ct)) // before the first 本算定 there is nothing to revise
            foreach (var part in rows.Select(r => layout.AddresseeOf(r.Row)).Chunk(ReviseChunk))
                revisions += await reassessment.ReviseAsync(db, tenantId, part, cause, actor.Name, ct, wholeHouseholds: true);
        await tx.CommitAsync(ct);

        var id = import.Id.ToString(CultureInfo.InvariantCulture);
        await audit.AppendAsync(tenantId, actor, new AuditRecord(AuditActions.CareImport, TargetType: "care.import", TargetId: id,
            Detail: $"{fiscalYear}年度 {layout.Label} 取込: {fileName} {rows.Count}件 更正{revisions}件"), ct);
        return new(layout.Kind, fiscalYear, false, rowsRead, rows.Count, [], 0, import.Id, revisions);
    }

    // Tax and pension data only for people the registry told 介護保険 about (any status: a person who moved out after
    // the 賦課期日 still has a premium for the year).
    private static async Task CheckKnownAsync<T>(CareDbContext db, List<(long Line, T Row)> rows, IImportLayout<T> layout, ImportErrors errors, CancellationToken ct)
    {
        var known = new HashSet<string>(StringComparer.Ordinal);
        await foreach (var a in db.People.AsNoTracking().Select(p => p.AddresseeNumber).AsAsyncEnumerable().WithCancellation(ct)) known.Add(a);
        foreach (var (line, row) in rows)
        {
            var addressee = layout.AddresseeOf(row);
            if (!known.Contains(addressee))
                errors.Add(line, layout.Columns[0], $"宛名番号 {addressee} は介護保険の住民情報にありません(住民記録からの連携を確認してください)");
        }
    }
}
