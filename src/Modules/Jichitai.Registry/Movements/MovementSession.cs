using System.Text.Json;
using Jichitai.Platform.Audit;
using Jichitai.Platform.Errors;
using Jichitai.Platform.Persistence;
using Jichitai.Platform.Protection;
using Jichitai.Platform.Tenancy;
using Jichitai.Registry.Domain.Codes;
using Jichitai.Registry.Domain.Numbering;
using Jichitai.Registry.Persistence;
using Jichitai.Registry.Residents;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace Jichitai.Registry.Movements;

/// <summary>
/// The unit of work of one 異動: loads the residents it touches, lets the feature change their records, then writes
/// the movement, one version per changed resident, the current rows and the access-log lines in one transaction.
/// Household invariants are checked last, so a feature cannot leave a household without exactly one head.
/// </summary>
public sealed class MovementSession : IAsyncDisposable
{
    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>
    /// How a 住民票 is stored: kana and kanji as UTF-8, not \uXXXX escapes (half the bytes), and empty items left out (a
    /// record reads back with the same nulls). Every version holds a whole record, so its size is the registry's size.
    /// </summary>
    internal static readonly JsonSerializerOptions RecordJson = new ResidentRecordJson(new JsonSerializerOptions(JsonSerializerDefaults.Web)
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull,
    }).Options;

    // Source-generated: a migration serialises a million and a half records, and the reflection path spent most of its time there.
    private static readonly System.Text.Json.Serialization.Metadata.JsonTypeInfo<ResidentRecord> RecordType =
        (System.Text.Json.Serialization.Metadata.JsonTypeInfo<ResidentRecord>)RecordJson.GetTypeInfo(typeof(ResidentRecord));

    internal static string Serialize(ResidentRecord record) => JsonSerializer.Serialize(record, RecordType);

    private readonly RegistryDbContext _db;
    private readonly IDbContextTransaction _tx;
    private readonly PersonalDataProtector _protector;
    private readonly Dictionary<long, TrackedResident> _tracked = [];
    private readonly List<TrackedResident> _created = [];
    private readonly HashSet<long> _touchedHouseholds = [];

    private MovementSession(RegistryDbContext db, IDbContextTransaction tx, PersonalDataProtector protector, int tenantId, DateOnly today, string municipality)
    {
        _db = db; _tx = tx; _protector = protector; TenantId = tenantId; Today = today; Municipality = municipality;
    }

    public int TenantId { get; }
    /// <summary>This municipality as written in records (都道府県 + 市区町村名), e.g. the 市町村 that recorded a 通称.</summary>
    public string Municipality { get; }
    /// <summary>After commit (or a dry run): the 宛名番号 of everyone the movement changed.</summary>
    public IReadOnlyList<string> ChangedAddresseeNumbers { get; private set; } = [];
    public DateOnly Today { get; }
    internal RegistryDbContext Db => _db;

    public static async Task<MovementSession> BeginAsync(DatabaseLocation location, int tenantId, PersonalDataProtector protector, DateOnly today, CancellationToken ct)
    {
        var db = RegistryDatabase.Create(location, TenantScope.ForTenant(tenantId));
        var tx = await db.Database.BeginTransactionAsync(ct);
        await using var platform = PlatformDatabase.CreateOnConnection(db.Database.GetDbConnection(), TenantScope.ForTenant(tenantId));
        await platform.Database.UseTransactionAsync(tx.GetDbTransaction(), ct);
        var tenant = await platform.Tenants.AsNoTracking().Where(t => t.Id == tenantId).Select(t => new { t.Prefecture, t.Name }).SingleAsync(ct);
        return new MovementSession(db, tx, protector, tenantId, today, tenant.Prefecture + tenant.Name);
    }

    /// <summary>The current record of a resident by 宛名番号; a missing number is reported against <paramref name="field"/>.</summary>
    public async Task<TrackedResident> GetAsync(string? addresseeNumber, string field, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(addresseeNumber))
            throw new DomainException("registry.resident.required", "宛名番号を入力してください。", field);
        var row = await _db.Residents.SingleOrDefaultAsync(r => r.AddresseeNumber == addresseeNumber.Trim(), ct)
            ?? throw new DomainException("registry.resident.not-found", $"宛名番号 {addresseeNumber} の住民は登録されていません。", field, 404);
        return Track(row);
    }

    public async Task<TrackedResident> GetCurrentResidentAsync(string? addresseeNumber, string field, CancellationToken ct)
    {
        var r = await GetAsync(addresseeNumber, field, ct);
        if (r.Record.Status != ResidentStatus.Resident)
            throw new DomainException("registry.resident.removed",
                $"宛名番号 {r.Row.AddresseeNumber} の住民は{(r.Record.Status == ResidentStatus.Removed ? "除票" : "取消済み")}です。消除された住民には異動を記録できません(取消しを除く)。", field, 409);
        return r;
    }

    /// <summary>Current members of a household, in member order.</summary>
    public async Task<IReadOnlyList<TrackedResident>> MembersAsync(long householdId, CancellationToken ct)
    {
        var rows = await _db.Residents.Where(r => r.HouseholdId == householdId && r.Status == ResidentStatus.Resident).ToListAsync(ct);
        return rows.Select(Track).Where(t => t.Record.HouseholdId == householdId && t.Record.Status == ResidentStatus.Resident)
            .OrderBy(t => t.Record.MemberOrder).ToList();
    }

    public async Task<HouseholdRow> GetHouseholdAsync(string? householdNumber, string field, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(householdNumber))
            throw new DomainException("registry.household.required", "世帯番号を入力してください。", field);
        return await _db.Households.SingleOrDefaultAsync(h => h.HouseholdNumber == householdNumber.Trim(), ct)
            ?? throw new DomainException("registry.household.not-found", $"世帯番号 {householdNumber} の世帯は登録されていません。", field, 404);
    }

    public async Task<HouseholdRow> NewHouseholdAsync(DateOnly createdOn, CancellationToken ct)
    {
        var number = HouseholdNumber.Create(await NextAsync("household", ct));
        var row = new HouseholdRow { TenantId = TenantId, HouseholdNumber = number, CreatedOn = createdOn };
        _db.Households.Add(row);
        await _db.SaveChangesAsync(ct);
        return row;
    }

    /// <summary>Registers a new person (転入, 出生, 職権記載) with a fresh 宛名番号.</summary>
    public async Task<TrackedResident> CreateAsync(ResidentRecord record, CancellationToken ct)
    {
        var number = AddresseeNumber.Create(await NextAsync("addressee", ct));
        var row = new ResidentRow
        {
            TenantId = TenantId, AddresseeNumber = number, Record = "{}", KanaKey = "", NameKey = "", AddressKey = "",
            Status = ResidentStatus.Resident, Kind = record.Kind,
        };
        var tracked = new TrackedResident(row, record with { AddresseeNumber = number }, isNew: true);
        _created.Add(tracked);
        if (record.HouseholdId is long h) _touchedHouseholds.Add(h);
        return tracked;
    }

    public void Update(TrackedResident resident, ResidentRecord changed)
    {
        if (resident.Record.HouseholdId is long before) _touchedHouseholds.Add(before);
        if (changed.HouseholdId is long after) _touchedHouseholds.Add(after);
        resident.Change(changed);
    }

    /// <summary>A record's 個人番号 items: encrypted value and blind index; the plain number is never stored.</summary>
    public ResidentRecord WithPersonalNumber(ResidentRecord record, string? number) => string.IsNullOrWhiteSpace(number)
        ? record
        : record with
        {
            PersonalNumberProtected = _protector.Protect(TenantId, PersonalNumberPurpose, number.Trim()),
            PersonalNumberIndex = _protector.BlindIndex(TenantId, PersonalNumberPurpose, number.Trim()),
        };
    public const string PersonalNumberPurpose = "registry.personal-number";

    /// <summary>Writes everything and commits; returns the movement. Nothing is written if any rule fails.</summary>
    public async Task<MovementRow> CommitAsync(MovementRow movement, IAuditLog audit, AuditActor actor, CancellationToken ct, bool dryRun = false)
    {
        var changed = _created.Concat(_tracked.Values.Where(t => t.Changed)).ToList();
        if (changed.Count == 0) throw new DomainException("registry.movement.empty", "異動の対象者がいません。");
        if (movement.CancelsMovementId is null) await EnsureNoMovementRestrictionAsync(changed, movement.ProcessedAt, ct);
        await CheckHouseholdsAsync(ct);

        movement.TenantId = TenantId;
        _db.Movements.Add(movement);
        foreach (var c in _created) _db.Residents.Add(c.Row);
        await _db.SaveChangesAsync(ct);
        if (movement.CancelsMovementId is long cancelled)
            (await _db.Movements.SingleAsync(m => m.Id == cancelled, ct)).CancelledByMovementId = movement.Id;

        foreach (var t in changed)
            if (t.Record.Status == ResidentStatus.Resident && BlankItemRules.MissingOnEntry(t.Record) is { Count: > 0 } blank)
                throw new DomainException("registry.record.blank-item",
                    $"宛名番号 {t.Record.AddresseeNumber} の{string.Join("・", blank)}が空欄です。この項目は空欄にできません(標準仕様書 1.1.6)。", null, 422);
        foreach (var t in changed)
        {
            if (t.Row.Id != 0 && t.Row.LastEffectiveOn > movement.EffectiveOn && movement.CancelsMovementId is null)
                throw new DomainException("registry.date.before-last",
                    $"宛名番号 {t.Row.AddresseeNumber} には {t.Row.LastEffectiveOn:yyyy-MM-dd} の異動が記録されています。それより前の異動日は入力できません(修正で対応してください)。", "header.effectiveOn", 409);
            var version = new ResidentVersionRow
            {
                TenantId = TenantId, ResidentId = t.Row.Id, MovementId = movement.Id, EffectiveOn = movement.EffectiveOn,
                HouseholdId = t.Record.HouseholdId, Record = Serialize(t.Record),
            };
            _db.ResidentVersions.Add(version);
            await _db.SaveChangesAsync(ct);
            ApplyToRow(t.Row, t.Record, version);
        }
        await _db.SaveChangesAsync(ct);

        await using (var platform = PlatformDatabase.CreateOnConnection(_db.Database.GetDbConnection(), TenantScope.ForTenant(TenantId)))
        {
            await platform.Database.UseTransactionAsync(_tx.GetDbTransaction(), ct);
            foreach (var t in changed)
                await audit.AppendWithinAsync(platform, actor, new AuditRecord(Platform.Audit.AuditActions.PersonalDataWrite,
                    TargetType: "registry.movement", TargetId: movement.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
                    SubjectId: t.Row.AddresseeNumber, Detail: MovementReasons.Label((MovementReasonCode)movement.ReasonCode)), ct);
            // 連携 (標準7.2.3): the events are part of the 異動's transaction, so none is lost and none describes a rolled-back change.
            // Written last: the tenant's sequence row stays locked until the commit, so it should be taken as late as possible.
            await Platform.Linkage.IntegrationEventOutbox.AppendWithinAsync(platform, TenantId, await LinkageDraftsAsync(movement, changed, ct), ct);
        }
        if (!dryRun)
        {
            await _tx.CommitAsync(ct); // a dry run ends here: disposing the session rolls everything back
            Platform.Linkage.IntegrationEventOutbox.NotifyCommitted();
        }
        ChangedAddresseeNumbers = changed.Select(t => t.Row.AddresseeNumber).ToList();
        return movement;
    }

    private async Task<List<Platform.Linkage.IntegrationEventDraft>> LinkageDraftsAsync(MovementRow movement, IReadOnlyList<TrackedResident> changed, CancellationToken ct)
    {
        var active = await Features.Restrictions.RestrictionChecks.ActiveAsync(_db, changed.Select(t => (t.Row.Id, t.Row.HouseholdId)).ToList(), Today, ct);
        return changed.Select(t => Features.Linkage.ResidentChangedEvent.Draft(movement, t.IsNew ? null : t.Original, t.Record,
            active.TryGetValue(t.Row.Id, out var rows) ? rows : [])).ToList();
    }

    internal static void ApplyToRow(ResidentRow row, ResidentRecord record, ResidentVersionRow version)
    {
        row.Record = version.Record;
        row.Status = record.Status;
        row.Kind = record.Kind;
        row.HouseholdId = record.HouseholdId;
        row.BirthDate = record.BirthDate;
        row.PersonalNumberIndex = record.PersonalNumberIndex;
        row.KanaKey = SearchKeys.Kana(record);
        row.FuzzyKanaKey = SearchKeys.FuzzyKana(record);
        row.GivenKanaKey = SearchKeys.GivenKana(record);
        row.NameKey = SearchKeys.Name(record);
        row.AddressKey = SearchKeys.Address(record.Address);
        row.LastVersionId = version.Id;
        row.LastEffectiveOn = version.EffectiveOn;
    }

    private async Task CheckHouseholdsAsync(CancellationToken ct)
    {
        foreach (var householdId in _touchedHouseholds)
        {
            var stored = await _db.Residents.Where(r => r.HouseholdId == householdId && r.Status == ResidentStatus.Resident)
                .Select(r => r.Id).ToListAsync(ct);
            var records = new List<ResidentRecord>();
            foreach (var id in stored)
                records.Add(_tracked.TryGetValue(id, out var t) ? t.Record : Deserialize((await _db.Residents.FindAsync([id], ct))!.Record));
            records.AddRange(_created.Select(c => c.Record));
            var current = records.Where(r => r.HouseholdId == householdId && r.Status == ResidentStatus.Resident).ToList();
            var number = (await _db.Households.FindAsync([householdId], ct))?.HouseholdNumber ?? householdId.ToString(System.Globalization.CultureInfo.InvariantCulture);
            HouseholdRules.Check(number, current);
        }
    }

    /// <summary>異動抑止 (standard 3.1): an error on any existing person or their household stops the whole movement.</summary>
    private async Task EnsureNoMovementRestrictionAsync(IReadOnlyList<TrackedResident> changed, DateTime utcNow, CancellationToken ct)
    {
        var existing = changed.Where(t => !t.IsNew).ToList();
        if (existing.Count == 0) return;
        var people = existing.Select(t => (t.Row.Id, t.Row.HouseholdId)).ToList();
        var active = await Features.Restrictions.RestrictionChecks.ActiveAsync(_db, people, Today, ct);
        foreach (var t in existing)
            Features.Restrictions.RestrictionChecks.EnsureAllowed(t.Row.AddresseeNumber, active[t.Row.Id], Features.Restrictions.RestrictedProcess.Movement, Today, utcNow);
    }

    /// <summary>Restrictions of residents in this session, for features that carry them along (支援措置 on 転出).</summary>
    internal IQueryable<RestrictionRow> RestrictionsOf(long residentId) => _db.Restrictions.Where(r => r.ResidentId == residentId && r.EndedOn == null);

    private Task<long> NextAsync(string counter, CancellationToken ct) => NumberCounters.NextAsync(_db, TenantId, counter, ct);

    private TrackedResident Track(ResidentRow row)
    {
        if (_tracked.TryGetValue(row.Id, out var known)) return known;
        var t = new TrackedResident(row, Deserialize(row.Record), isNew: false);
        _tracked[row.Id] = t;
        return t;
    }

    internal static ResidentRecord Deserialize(string json) => JsonSerializer.Deserialize(json, RecordType)!;

    public async ValueTask DisposeAsync()
    {
        await _tx.DisposeAsync();
        await _db.DisposeAsync();
    }
}

/// <summary>A resident loaded into a session, with the record as the feature has changed it so far.</summary>
public sealed class TrackedResident(ResidentRow row, ResidentRecord record, bool isNew)
{
    public ResidentRow Row { get; } = row;
    public ResidentRecord Record { get; private set; } = record;
    /// <summary>The record as loaded, before this 異動 (the "before" of its integration event).</summary>
    public ResidentRecord Original { get; } = record;
    public bool IsNew { get; } = isNew;
    public bool Changed { get; private set; }
    internal void Change(ResidentRecord r) { Record = r; Changed = true; }
}

[System.Text.Json.Serialization.JsonSerializable(typeof(ResidentRecord))]
internal sealed partial class ResidentRecordJson : System.Text.Json.Serialization.JsonSerializerContext;
