using System.Text.Json;
using Jichitai.Platform.Audit;
using Jichitai.Platform.Errors;
using Jichitai.Platform.Persistence;
using Jichitai.Platform.Protection;
using Jichitai.Platform.Tenancy;
using Jichitai.Platform;
using Jichitai.Registry.Domain.Codes;
using Jichitai.Registry.Features.Restrictions;
using Jichitai.Platform.Dates;
using Jichitai.Registry.Domain.Numbering;
using Jichitai.Registry.Domain.Text;
using Jichitai.Registry.Movements;
using Jichitai.Registry.Persistence;
using Jichitai.Registry.Residents;
using Microsoft.EntityFrameworkCore;

namespace Jichitai.Registry.Features.Search;

/// <summary>Search conditions of standard 2.1.3 (基本検索). Dates of birth are typed as 西暦 or 和暦.</summary>
public sealed record ResidentSearchRequest
{
    public string? Kana { get; init; }
    public string? Name { get; init; }
    public string? BirthDate { get; init; }
    public string? Address { get; init; }
    public string? AddresseeNumber { get; init; }
    public string? HouseholdNumber { get; init; }
    public string? PersonalNumber { get; init; }
    /// <summary>名 (フリガナ) only: 名のみの検索 (standard 2.1.2).</summary>
    public string? GivenNameKana { get; init; }
    /// <summary>あいまい検索 of the カナ condition (standard 2.1.2): 濁音・半濁音, 小文字, 長音 and オ段+ウ are ignored.</summary>
    public bool Fuzzy { get; init; }
    /// <summary>How the カナ condition matches: 前方一致 (default), 完全一致 or 部分一致 (standard 2.1.2).</summary>
    public KanaMatch KanaMatch { get; init; } = KanaMatch.Prefix;
    public bool IncludeRemoved { get; init; }
    public int Limit { get; init; } = 100;
}

public enum KanaMatch { Prefix = 0, Exact = 1, Partial = 2 }

public sealed record ResidentSummary(
    string AddresseeNumber, string Name, string Kana, DateOnly BirthDate, string BirthDateDisplay, string Gender,
    string Address, string? HouseholdNumber, string Relationship, string Status, string Kind)
{
    /// <summary>支援措置 / 抑止 when the person is restricted: search results make it visible (standard 3.1).</summary>
    public string? Restriction { get; init; }
}

public sealed record MovementEntry(
    long MovementId, string Reason, DateOnly EffectiveOn, DateOnly NotifiedOn, DateTime ProcessedAt, string StaffName,
    bool LateNotification, string Summary, long? CancelsMovementId, long? CancelledByMovementId, string? Note)
{
    /// <summary>入力場所・入力端末 (standard 1.2.1, 1.3.1) and the client address the movement was entered from.</summary>
    public string? InputLocation { get; init; }
    public string? InputTerminal { get; init; }
    public string? ClientAddress { get; init; }
    /// <summary>特別な事由 (standard 1.1.4), left out of printed histories by default.</summary>
    public string? SpecialReason { get; init; }
    public int ReasonCode { get; init; }

    /// <summary>Where it was entered, for the history: 場所 / 端末, or the bare address of an unregistered terminal.</summary>
    public string EnteredFrom => InputTerminal is not null ? $"{InputLocation} / {InputTerminal}" : ClientAddress is null ? "" : $"未登録端末 {ClientAddress}";
}

public sealed record ResidentDetail(ResidentSummary Summary, ResidentRecord Record, string? PersonalNumber, bool PersonalNumberMasked,
    DateOnly? AsOf, IReadOnlyList<MovementEntry> History, IReadOnlyList<ResidentSummary> Household, IReadOnlyList<RestrictionNotice> Restrictions);

/// <summary>Search and views of residents (standard 2.1, 2.2.1). Every read of personal data is written to the access log.</summary>
public sealed class ResidentQueries(PlatformSettings settings, ITenantScopeAccessor scope, PersonalDataProtector protector, IAuditLog audit, TimeProvider clock)
{
    private const int MaxResults = 200;
    private static readonly string Top = char.ConvertFromUtf32(0x10FFFF); // upper bound of a code-point prefix range

    private int TenantId => scope.RequireTenant();

    public async Task<IReadOnlyList<ResidentSummary>> SearchAsync(ResidentSearchRequest q, AuditActor actor, bool mayUsePersonalNumber, CancellationToken ct)
    {
        var tenantId = TenantId;
        await using var db = RegistryDatabase.Create(settings.Database, TenantScope.ForTenant(tenantId));
        IQueryable<ResidentRow> rows = db.Residents.AsNoTracking();
        var used = new List<string>();
        if (!q.IncludeRemoved) rows = rows.Where(r => r.Status == ResidentStatus.Resident);
        if (Key(q.Kana) is { } kana)
        {
            var fuzzy = q.Fuzzy ? NameSearchKey.FuzzyKana(q.Kana) : kana;
            var column = q.Fuzzy ? nameof(ResidentRow.FuzzyKanaKey) : nameof(ResidentRow.KanaKey);
            rows = q.KanaMatch switch
            {
                KanaMatch.Exact => q.Fuzzy ? rows.Where(r => r.FuzzyKanaKey == fuzzy) : rows.Where(r => r.KanaKey == fuzzy),
                // 部分一致 cannot use the index: it scans the tenant's rows, so it is asked for explicitly.
                KanaMatch.Partial => q.Fuzzy ? rows.Where(r => r.FuzzyKanaKey.Contains(fuzzy)) : rows.Where(r => r.KanaKey.Contains(fuzzy)),
                _ => Prefix(rows, column, fuzzy),
            };
            used.Add(q.Fuzzy ? "カナ(あいまい)" : "カナ");
        }
        if (Key(q.GivenNameKana) is { } given) { rows = Prefix(rows, nameof(ResidentRow.GivenKanaKey), given); used.Add("名カナ"); }
        if (Key(q.Name) is { } name) { rows = Prefix(rows, nameof(ResidentRow.NameKey), name); used.Add("氏名"); }
        if (Key(q.Address) is { } address) { rows = Prefix(rows, nameof(ResidentRow.AddressKey), address); used.Add("住所"); }
        if (!string.IsNullOrWhiteSpace(q.BirthDate))
        {
            if (!JapaneseDateParser.TryParse(q.BirthDate, out var birth, out var error))
                throw new DomainException("registry.search.birth-date", $"生年月日: {error}", "birthDate");
            rows = rows.Where(r => r.BirthDate == birth);
            used.Add("生年月日");
        }
        if (!string.IsNullOrWhiteSpace(q.AddresseeNumber)) { var n = q.AddresseeNumber.Trim(); rows = rows.Where(r => r.AddresseeNumber == n); used.Add("宛名番号"); }
        if (!string.IsNullOrWhiteSpace(q.HouseholdNumber))
        {
            var hn = q.HouseholdNumber.Trim();
            var hid = await db.Households.Where(h => h.HouseholdNumber == hn).Select(h => (long?)h.Id).SingleOrDefaultAsync(ct) ?? -1;
            rows = rows.Where(r => r.HouseholdId == hid);
            used.Add("世帯番号");
        }
        if (!string.IsNullOrWhiteSpace(q.PersonalNumber))
        {
            if (!mayUsePersonalNumber) throw DomainException.Forbidden("registry.personal-number.denied", "個人番号による検索は住記担当の職員だけが行えます。");
            if (!PersonalNumber.IsValid(q.PersonalNumber.Trim(), out var error)) throw new DomainException("registry.search.personal-number", error!, "personalNumber");
            var index = protector.BlindIndex(tenantId, MovementSession.PersonalNumberPurpose, q.PersonalNumber.Trim());
            rows = rows.Where(r => r.PersonalNumberIndex == index);
            used.Add("個人番号");
        }
        if (used.Count == 0) throw new DomainException("registry.search.empty", "検索条件を1つ以上入力してください。", "kana");

        var limit = Math.Clamp(q.Limit, 1, MaxResults);
        // Order by the key that was searched, so the (tenant, key) index gives the range and the order together and
        // the LIMIT stops early; ordering a name search by kana would read every match first (bench registry-search).
        IOrderedQueryable<ResidentRow> ordered =
            Key(q.Kana) is not null && q.KanaMatch == KanaMatch.Prefix ? (q.Fuzzy ? rows.OrderBy(r => r.FuzzyKanaKey) : rows.OrderBy(r => r.KanaKey))
            : Key(q.Name) is not null ? rows.OrderBy(r => r.NameKey)
            : Key(q.GivenNameKana) is not null ? rows.OrderBy(r => r.GivenKanaKey)
            : Key(q.Address) is not null ? rows.OrderBy(r => r.AddressKey)
            : rows.OrderBy(r => r.KanaKey);
        var found = await ordered.ThenBy(r => r.Id).Take(limit)
            .Select(r => new { r.Id, r.HouseholdId, r.Record }).ToListAsync(ct);
        var restrictions = await RestrictionChecks.ActiveAsync(db, found.Select(f => (f.Id, f.HouseholdId)).ToList(), JapanTime.Today(clock), ct);
        var records = found.Select(f => (f.Id, Record: MovementSession.Deserialize(f.Record))).ToList();
        // A household is listed head first, in member order (standard 5.2), not in kana order.
        if (!string.IsNullOrWhiteSpace(q.HouseholdNumber)) records = records.OrderBy(x => x.Record.MemberOrder).ToList();
        var result = records.Select(f => Summarise(f.Record) with
        {
            Restriction = restrictions[f.Id] is { Count: > 0 } rs ? string.Join("・", rs.Select(r => RestrictionRules.KindLabel(r.Kind)).Distinct()) : null,
        }).ToList();
        await audit.AppendAsync(tenantId, actor, new AuditRecord(AuditActions.PersonalDataRead, TargetType: "registry.search",
            Detail: $"住民検索 条件: {string.Join("・", used)} 件数: {result.Count}"), ct);
        return result;
    }

    public async Task<ResidentDetail> GetAsync(string addresseeNumber, DateOnly? asOf, AuditActor actor, bool mayViewPersonalNumber, string? reason, CancellationToken ct, string view = "住民票の照会")
    {
        var tenantId = TenantId;
        await using var db = RegistryDatabase.Create(settings.Database, TenantScope.ForTenant(tenantId));
        var row = await db.Residents.AsNoTracking().SingleOrDefaultAsync(r => r.AddresseeNumber == addresseeNumber, ct)
            ?? throw DomainException.NotFound("registry.resident.not-found", $"宛名番号 {addresseeNumber} の住民は登録されていません。");
        var record = asOf is DateOnly on ? await AsOfAsync(db, row.Id, on, ct) : MovementSession.Deserialize(row.Record);
        if (record is null)
            throw DomainException.NotFound("registry.resident.not-yet", $"宛名番号 {addresseeNumber} の住民は {asOf:yyyy年M月d日} 時点では記録されていません。");

        var today = JapanTime.Today(clock);
        var active = (await RestrictionChecks.ActiveAsync(db, [(row.Id, row.HouseholdId)], today, ct))[row.Id];
        var utcNow = clock.GetUtcNow().UtcDateTime;
        IReadOnlyList<RestrictionNotice> notices;
        try
        {
            notices = RestrictionChecks.CheckInquiry([(addresseeNumber, active)], reason,
                kinds => $"この住民は{kinds}の対象です。照会する理由を入力してください。", today, utcNow);
        }
        catch (DomainException e)
        {
            await audit.AppendAsync(tenantId, actor, new AuditRecord(AuditActions.PersonalDataRead, AuditOutcome.Denied, "registry.resident",
                addresseeNumber, addresseeNumber, reason, e.Code), ct);
            throw;
        }
        var history = (await MovementsOfAsync(db, row.Id, ct)).AsEnumerable().Reverse().ToList();
        var household = record.HouseholdId is long h ? await HouseholdAsync(db, h, asOf, ct) : [];
        string? personalNumber = null;
        if (record.PersonalNumberProtected is { } p)
        {
            var plain = protector.Unprotect(tenantId, MovementSession.PersonalNumberPurpose, p);
            personalNumber = mayViewPersonalNumber ? plain : PersonalNumber.Mask(plain);
        }
        await audit.AppendAsync(tenantId, actor, new AuditRecord(AuditActions.PersonalDataRead, TargetType: "registry.resident",
            TargetId: addresseeNumber, SubjectId: addresseeNumber, Reason: reason,
            Detail: (asOf is null ? view : $"{view}({asOf:yyyy-MM-dd}時点)") + (mayViewPersonalNumber && personalNumber is not null ? " 個人番号表示" : "")), ct);
        return new ResidentDetail(Summarise(record), record with { PersonalNumberProtected = null, PersonalNumberIndex = null }, personalNumber, !mayViewPersonalNumber, asOf,
            history.Select(ToEntry).ToList(), household, notices);
    }

    /// <summary>The movements that wrote a version of this resident, oldest first (異動履歴, standard 2.2.1).</summary>
    internal static Task<List<MovementRow>> MovementsOfAsync(RegistryDbContext db, long residentId, CancellationToken ct) =>
        (from v in db.ResidentVersions.AsNoTracking()
         join m in db.Movements.AsNoTracking() on v.MovementId equals m.Id
         where v.ResidentId == residentId
         orderby v.Id
         select m).ToListAsync(ct);

    /// <summary>The record as it stood on <paramref name="on"/>: the latest version whose 異動日 is not after it (standard 2.2.1).</summary>
    internal static async Task<ResidentRecord?> AsOfAsync(RegistryDbContext db, long residentId, DateOnly on, CancellationToken ct)
    {
        var json = await db.ResidentVersions.AsNoTracking().Where(v => v.ResidentId == residentId && v.EffectiveOn <= on)
            .OrderByDescending(v => v.Id).Select(v => v.Record).FirstOrDefaultAsync(ct);
        return json is null ? null : MovementSession.Deserialize(json);
    }

    /// <summary>Members of a household now, or on a date (from the versions that placed anyone in it).</summary>
    internal static async Task<IReadOnlyList<ResidentSummary>> HouseholdAsync(RegistryDbContext db, long householdId, DateOnly? on, CancellationToken ct)
    {
        if (on is null)
        {
            var rows = await db.Residents.AsNoTracking().Where(r => r.HouseholdId == householdId && r.Status == ResidentStatus.Resident).Select(r => r.Record).ToListAsync(ct);
            return rows.Select(MovementSession.Deserialize).OrderBy(r => r.MemberOrder).Select(Summarise).ToList();
        }
        var ids = await db.ResidentVersions.AsNoTracking().Where(v => v.HouseholdId == householdId).Select(v => v.ResidentId).Distinct().ToListAsync(ct);
        var members = new List<ResidentRecord>();
        foreach (var id in ids)
            if (await AsOfAsync(db, id, on.Value, ct) is { } r && r.HouseholdId == householdId && r.Status == ResidentStatus.Resident) members.Add(r);
        return members.OrderBy(r => r.MemberOrder).Select(Summarise).ToList();
    }

    public static ResidentSummary Summarise(ResidentRecord r) => new(
        r.AddresseeNumber, r.FullName, r.FullNameKana, r.BirthDate,
        r.Kind == ResidentKind.Foreign ? r.BirthDate.ToString("yyyy年M月d日") : WarekiFormatter.Format(r.BirthDate),
        r.Gender == Gender.Male ? "男" : "女", r.Address.Display, r.HouseholdNumber, r.Relationship,
        r.Status switch { ResidentStatus.Resident => "住民", ResidentStatus.Removed => "除票", _ => "取消" },
        r.Kind == ResidentKind.Foreign ? "外国人住民" : "日本人住民");

    public static MovementEntry ToEntry(MovementRow m) => new(m.Id, ((MovementReasonCode)m.ReasonCode).Label(), m.EffectiveOn, m.NotifiedOn,
        m.ProcessedAt, m.StaffName, m.LateNotification, m.Summary, m.CancelsMovementId, m.CancelledByMovementId, m.Note)
    {
        InputLocation = m.InputLocation, InputTerminal = m.InputTerminal, ClientAddress = m.ClientAddress,
        SpecialReason = m.SpecialReason is { } sr ? Renewal.SpecialReasons.Label(sr) : null, ReasonCode = m.ReasonCode,
    };

    private static string? Key(string? text) => string.IsNullOrWhiteSpace(text) ? null : NameSearchKey.Normalize(text) is { Length: > 0 } k ? k : null;

    /// <summary>Prefix match as a range on the code-point-ordered key, so the (tenant, key) index is used.</summary>
    private static IQueryable<ResidentRow> Prefix(IQueryable<ResidentRow> rows, string column, string prefix)
    {
        var upper = prefix + Top;
        return column switch
        {
            nameof(ResidentRow.KanaKey) => rows.Where(r => string.Compare(r.KanaKey, prefix) >= 0 && string.Compare(r.KanaKey, upper) < 0),
            nameof(ResidentRow.NameKey) => rows.Where(r => string.Compare(r.NameKey, prefix) >= 0 && string.Compare(r.NameKey, upper) < 0),
            nameof(ResidentRow.FuzzyKanaKey) => rows.Where(r => string.Compare(r.FuzzyKanaKey, prefix) >= 0 && string.Compare(r.FuzzyKanaKey, upper) < 0),
            nameof(ResidentRow.GivenKanaKey) => rows.Where(r => string.Compare(r.GivenKanaKey, prefix) >= 0 && string.Compare(r.GivenKanaKey, upper) < 0),
            _ => rows.Where(r => string.Compare(r.AddressKey, prefix) >= 0 && string.Compare(r.AddressKey, upper) < 0),
        };
    }
}
