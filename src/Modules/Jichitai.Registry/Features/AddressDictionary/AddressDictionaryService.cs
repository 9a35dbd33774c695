using System.Globalization;
using Jichitai.Platform;
using Jichitai.Platform.Audit;
using Jichitai.Platform.Errors;
using Jichitai.Platform.Persistence;
using Jichitai.Platform.Tenancy;
using Jichitai.Registry.Domain.Addresses;
using Jichitai.Registry.Movements;
using Jichitai.Registry.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Jichitai.Registry.Features.AddressDictionary;

/// <summary>
/// 住所辞書・方書管理 (standard 1.3.2–1.3.4): the tenant's 町字 with 住所コード, 郵便番号 and readings, and the 方書 registered
/// at its 番地. Staff keep it themselves (容易に修正できること); every change is audited. Entries are never deleted: a 町字
/// that ceases to exist is abolished from a date, so that records and 本籍 written before stay explainable.
/// </summary>
public sealed class AddressDictionaryService(PlatformSettings settings, ITenantScopeAccessor scope, IAuditLog audit, TimeProvider clock)
{
    private int TenantId => scope.Scope.TenantId ?? throw DomainException.Forbidden("registry.no-tenant", "住民記録は団体の職員だけが操作できます。");
    public DateOnly Today => JapanTime.Today(clock);

    private RegistryDbContext Open() => RegistryDatabase.Create(settings.Database, TenantScope.ForTenant(TenantId));

    /// <summary>Entries matching a 住所カナ入力 / code / 郵便番号 query, active on <see cref="AddressListQuery.On"/> unless abolished ones are asked for.</summary>
    public async Task<IReadOnlyList<AddressEntryView>> ListAsync(AddressListQuery query, CancellationToken ct)
    {
        var on = query.On ?? Today;
        await using var db = Open();
        var entries = (await db.AddressEntries.AsNoTracking().ToListAsync(ct))
            .Where(e => query.IncludeAbolished || e.ActiveOn(on))
            .Where(e => AddressQuery.Matches(Target(e), query.Q))
            .OrderBy(e => e.Code, StringComparer.Ordinal)
            .Take(Math.Clamp(query.Limit, 1, 1000)).ToList();
        var ids = entries.Select(e => e.Id).ToList();
        var buildings = (await db.BuildingEntries.AsNoTracking().Where(b => ids.Contains(b.AddressEntryId)).ToListAsync(ct)).ToLookup(b => b.AddressEntryId);
        return entries.Select(e => View(e, on, buildings[e.Id].Where(b => query.IncludeAbolished || b.ActiveOn(on)))).ToList();
    }

    public async Task<AddressEntryView> GetAsync(long id, CancellationToken ct)
    {
        await using var db = Open();
        var entry = await FindAsync(db, id, ct);
        var buildings = await db.BuildingEntries.AsNoTracking().Where(b => b.AddressEntryId == id).ToListAsync(ct);
        return View(entry, Today, buildings);
    }

    public async Task<AddressEntryView> AddAsync(AddressEntryRequest request, AuditActor actor, CancellationToken ct)
    {
        InputValidation.Ensure(new AddressEntryValidator(), request);
        var code = AddressCode.Normalize(request.Code)!;
        await using var db = Open();
        if (await db.AddressEntries.AnyAsync(e => e.Code == code, ct))
            throw DomainException.Conflict("registry.address.code-taken", $"住所コード {code} は既に住所辞書にあります(廃止済みを含む)。", "code");
        var row = new AddressEntryRow
        {
            Code = code, PostalCode = "", Prefecture = "", PrefectureKana = "", Municipality = "", MunicipalityKana = "", Town = "", TownKana = "",
            UpdatedBy = actor.Name, UpdatedAt = clock.GetUtcNow().UtcDateTime,
        };
        Apply(row, request);
        db.AddressEntries.Add(row);
        await db.SaveChangesAsync(ct);
        await AuditAsync(actor, "registry.address", row.Id, $"住所辞書に追加 {row.Code} {row.FullName}", ct);
        return View(row, Today, []);
    }

    /// <summary>Corrects names, readings, 郵便番号, 区分 or 施行日. The 住所コード itself is the entry's identity and does not change.</summary>
    public async Task<AddressEntryView> UpdateAsync(long id, AddressEntryRequest request, AuditActor actor, CancellationToken ct)
    {
        await using var db = Open();
        var row = await FindAsync(db, id, ct);
        request = request with { Code = string.IsNullOrWhiteSpace(request.Code) ? row.Code : request.Code };
        InputValidation.Ensure(new AddressEntryValidator(), request);
        if (AddressCode.Normalize(request.Code) != row.Code)
            throw new DomainException("registry.address.code-fixed", $"住所コードは変更できません。新しい住所コードの町字を追加し、この町字({row.Code})を廃止してください。", "code");
        if (row.AbolishedOn is { } abolished && request.ValidFrom >= abolished)
            throw new DomainException("registry.address.valid-from", $"施行日は廃止日({abolished:yyyy-MM-dd})より前の日付を入力してください。", "validFrom");
        var before = $"{row.FullName} 〒{row.PostalCode} {row.Scheme.Label()} {row.ValidFrom:yyyy-MM-dd}";
        Apply(row, request);
        row.UpdatedBy = actor.Name; row.UpdatedAt = clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(ct);
        await AuditAsync(actor, "registry.address", row.Id, $"住所辞書を修正 {row.Code}: {before} → {row.FullName} 〒{row.PostalCode} {row.Scheme.Label()} {row.ValidFrom:yyyy-MM-dd}", ct);
        return await GetAsync(id, ct);
    }

    /// <summary>
    /// 廃止 (町字の廃止、住居表示の実施など): from <paramref name="request"/>.On the 町字 is no longer accepted for a 住所.
    /// Residents' records are not rewritten here: their addresses change through the 異動 of the 住居表示変更 (職権修正).
    /// </summary>
    public async Task<AddressEntryView> AbolishAsync(long id, AbolishRequest request, AuditActor actor, CancellationToken ct)
    {
        await using var db = Open();
        var row = await FindAsync(db, id, ct);
        var on = CheckAbolish(request, row.ValidFrom, row.AbolishedOn, "町字");
        row.AbolishedOn = on;
        row.UpdatedBy = actor.Name; row.UpdatedAt = clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(ct);
        await AuditAsync(actor, "registry.address", row.Id, $"住所辞書の町字を廃止 {row.Code} {row.FullName} 廃止日 {on:yyyy-MM-dd}", ct);
        return await GetAsync(id, ct);
    }

    public async Task<BuildingEntryView> AddBuildingAsync(long entryId, BuildingEntryRequest request, AuditActor actor, CancellationToken ct)
    {
        InputValidation.Ensure(new BuildingEntryValidator(), request);
        await using var db = Open();
        var entry = await FindAsync(db, entryId, ct);
        var block = request.BlockNumber!.Trim();
        var name = request.Name!.Trim();
        var existing = await db.BuildingEntries.Where(b => b.AddressEntryId == entryId && b.Name == name && b.AbolishedOn == null).ToListAsync(ct);
        if (existing.Any(b => BlockNumberCode.SameBlock(b.BlockNumber, block)))
            throw DomainException.Conflict("registry.building.duplicate", $"{entry.AddressText}{block} の方書「{name}」は既に登録されています。", "name");
        var row = new BuildingEntryRow
        {
            AddressEntryId = entryId, BlockNumber = block, BlockSortKey = BlockNumberCode.SortKey(block), Name = name,
            NameKana = string.IsNullOrWhiteSpace(request.NameKana) ? null : request.NameKana.Trim(), ValidFrom = request.ValidFrom!.Value,
            UpdatedBy = actor.Name, UpdatedAt = clock.GetUtcNow().UtcDateTime,
        };
        db.BuildingEntries.Add(row);
        await db.SaveChangesAsync(ct);
        await AuditAsync(actor, "registry.building", row.Id, $"方書を追加 {entry.Code} {entry.AddressText}{block} {name}", ct);
        return BuildingView(row, Today);
    }

    public async Task<BuildingEntryView> UpdateBuildingAsync(long entryId, long id, BuildingEntryRequest request, AuditActor actor, CancellationToken ct)
    {
        InputValidation.Ensure(new BuildingEntryValidator(), request);
        await using var db = Open();
        var row = await FindBuildingAsync(db, entryId, id, ct);
        var before = $"{row.BlockNumber} {row.Name}";
        row.BlockNumber = request.BlockNumber!.Trim();
        row.BlockSortKey = BlockNumberCode.SortKey(row.BlockNumber);
        row.Name = request.Name!.Trim();
        row.NameKana = string.IsNullOrWhiteSpace(request.NameKana) ? null : request.NameKana.Trim();
        row.ValidFrom = request.ValidFrom!.Value;
        row.UpdatedBy = actor.Name; row.UpdatedAt = clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(ct);
        await AuditAsync(actor, "registry.building", row.Id, $"方書を修正 {before} → {row.BlockNumber} {row.Name}", ct);
        return BuildingView(row, Today);
    }

    public async Task<BuildingEntryView> AbolishBuildingAsync(long entryId, long id, AbolishRequest request, AuditActor actor, CancellationToken ct)
    {
        await using var db = Open();
        var row = await FindBuildingAsync(db, entryId, id, ct);
        row.AbolishedOn = CheckAbolish(request, row.ValidFrom, row.AbolishedOn, "方書");
        row.UpdatedBy = actor.Name; row.UpdatedAt = clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(ct);
        await AuditAsync(actor, "registry.building", row.Id, $"方書を廃止 {row.BlockNumber} {row.Name} 廃止日 {row.AbolishedOn:yyyy-MM-dd}", ct);
        return BuildingView(row, Today);
    }

    /// <summary>
    /// For 本籍 entry (standard 1.3.3 ただし書, 4.0.6): every name in the dictionary, abolished ones included and marked (旧),
    /// because a 本籍 may still be written with a 町名 that no longer exists.
    /// </summary>
    public async Task<IReadOnlyList<(string Name, string Label)>> DomicileNamesAsync(CancellationToken ct)
    {
        await using var db = Open();
        var today = Today;
        var rows = await db.AddressEntries.AsNoTracking().ToListAsync(ct);
        return rows.OrderBy(e => e.Code, StringComparer.Ordinal)
            .Select(e => (e.FullName, $"{e.Code} {e.PrefectureKana} {e.MunicipalityKana} {e.TownKana}{(e.ActiveOn(today) ? "" : "(旧)")}")).ToList();
    }

    /// <summary>For the read-back screen: the entry an address will be recorded with, or why it will be refused.</summary>
    public async Task<(AddressEntryView? Entry, string? Error)> DescribeAsync(AddressInput input, DateOnly on, CancellationToken ct)
    {
        await using var db = Open();
        try
        {
            var (_, entry) = await AddressDictionaryCheck.ResolveAsync(db, input, on, "address", ct);
            return (entry is null ? null : View(entry, on, []), null);
        }
        catch (DomainException e) { return (null, e.Message); }
    }

    /// <summary>The 町字 usable on a date with their 方書, for the counter's suggestions (standard 1.3.3, 4.0.7).</summary>
    public Task<IReadOnlyList<AddressEntryView>> ActiveAsync(DateOnly on, CancellationToken ct) => ListAsync(new AddressListQuery(null, on, false, 1000), ct);

    private static DateOnly CheckAbolish(AbolishRequest request, DateOnly validFrom, DateOnly? abolishedOn, string what)
    {
        if (request.On is not { } on) throw new DomainException("request.required", "廃止日を入力してください。", "on");
        if (abolishedOn is { } done) throw DomainException.Conflict("registry.address.abolished", $"この{what}は {done:yyyy-MM-dd} に廃止済みです。", "on");
        if (on <= validFrom) throw new DomainException("registry.address.abolish-date", $"廃止日は施行日({validFrom:yyyy-MM-dd})より後の日付を入力してください。", "on");
        return on;
    }

    private static void Apply(AddressEntryRow row, AddressEntryRequest r)
    {
        row.PostalCode = PersonFactory.NormalizePostalCode(r.PostalCode!);
        row.Prefecture = r.Prefecture!.Trim(); row.PrefectureKana = r.PrefectureKana!.Trim();
        row.Municipality = r.Municipality!.Trim(); row.MunicipalityKana = r.MunicipalityKana!.Trim();
        row.Town = r.Town!.Trim(); row.TownKana = r.TownKana!.Trim();
        row.Scheme = AddressSchemes.Parse(r.Scheme)!.Value;
        row.ValidFrom = r.ValidFrom!.Value;
        row.Note = string.IsNullOrWhiteSpace(r.Note) ? null : r.Note.Trim();
    }

    private static async Task<AddressEntryRow> FindAsync(RegistryDbContext db, long id, CancellationToken ct) =>
        await db.AddressEntries.SingleOrDefaultAsync(e => e.Id == id, ct)
        ?? throw DomainException.NotFound("registry.address.not-found", $"住所辞書に番号 {id} の町字はありません。");

    private static async Task<BuildingEntryRow> FindBuildingAsync(RegistryDbContext db, long entryId, long id, CancellationToken ct) =>
        await db.BuildingEntries.SingleOrDefaultAsync(b => b.Id == id && b.AddressEntryId == entryId, ct)
        ?? throw DomainException.NotFound("registry.building.not-found", $"この町字に番号 {id} の方書はありません。");

    internal static AddressQueryTarget Target(AddressEntryRow e) => new(e.Code, e.PostalCode, e.PrefectureKana, e.MunicipalityKana, e.TownKana, e.FullName);

    internal static AddressEntryView View(AddressEntryRow e, DateOnly on, IEnumerable<BuildingEntryRow> buildings) =>
        new(e.Id, e.Code, e.PostalCode, e.Prefecture, e.PrefectureKana, e.Municipality, e.MunicipalityKana, e.Town, e.TownKana, e.Scheme.Label(),
            e.ValidFrom, e.AbolishedOn, e.ActiveOn(on), e.AddressText, e.FullName, e.Note,
            buildings.OrderBy(b => b.BlockSortKey, StringComparer.Ordinal).ThenBy(b => b.Name, StringComparer.Ordinal).Select(b => BuildingView(b, on)).ToList());

    private static BuildingEntryView BuildingView(BuildingEntryRow b, DateOnly on) =>
        new(b.Id, b.AddressEntryId, b.BlockNumber, b.Name, b.NameKana, b.ValidFrom, b.AbolishedOn, b.ActiveOn(on));

    // 住所辞書 is the tenant's master data, not personal data: audited as a master change, without a subject.
    private Task AuditAsync(AuditActor actor, string targetType, long id, string detail, CancellationToken ct) =>
        audit.AppendAsync(TenantId, actor, new AuditRecord(AuditActions.MasterDataChange, TargetType: targetType,
            TargetId: id.ToString(CultureInfo.InvariantCulture), Detail: detail), ct);
}
