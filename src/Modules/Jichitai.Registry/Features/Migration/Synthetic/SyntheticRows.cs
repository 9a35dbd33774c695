using System.Globalization;
using Jichitai.Registry.Domain.Codes;
using Jichitai.Registry.Domain.Numbering;
using Jichitai.Registry.Features.Migration.Layout;
using C = Jichitai.Registry.Domain.Codes.MovementReasonCode;

namespace Jichitai.Registry.Features.Migration.Synthetic;

/// <summary>
/// Turns composed households into rows: numbers them (宛名番号/世帯番号 from one sequence each, so every file comes out in
/// number order), writes each person's 異動履歴 with the state after every line, and the rows of restrictions and issues.
/// </summary>
internal sealed class SyntheticRows
{
    private const double RestrictionRate = 0.0005, IssueRate = 0.05, MissingPersonalNumberRate = 0.005;
    private const string Operator = "移行";
    // 戸籍法等の一部改正 (令和5年法律第48号): 氏名の振り仮名 are recorded from 2025-05-26; later entries were confirmed at the counter.
    private static readonly DateOnly KanaConfirmedFrom = new(2025, 5, 26);

    private readonly Random _random;
    private readonly DateOnly _today;
    private readonly SyntheticCityFiles _files;
    private readonly long _residentCodeOffset, _personalNumberOffset;
    private readonly string?[] _household, _resident, _movement, _restriction;
    private readonly ResidentColumns _r = new();
    private readonly MovementColumns _m = new();
    private readonly List<Line> _lines = [];
    private readonly List<SyntheticPerson> _ordered = [];
    private readonly List<DateOnly> _lastProcessed = [];
    private readonly List<PendingIssue> _issues = [];

    private readonly record struct Line(C Reason, DateOnly On);

    private sealed record PendingIssue(DateTime At, int Index, bool Household, bool Official, string RequesterName, string RequesterAddress,
        string Targets, string Staff, string Office);

    public SyntheticRows(Random random, DateOnly today, SyntheticCityFiles files)
    {
        (_random, _today, _files) = (random, today, files);
        _residentCodeOffset = random.NextInt64(NumberSpace);
        _personalNumberOffset = random.NextInt64(NumberSpace);
        _household = new string?[MigrationLayout.Households.Columns.Count];
        _resident = new string?[MigrationLayout.Residents.Columns.Count];
        _movement = new string?[MigrationLayout.Movements.Columns.Count];
        _restriction = new string?[MigrationLayout.Restrictions.Columns.Count];
    }

    public long Persons { get; private set; }
    public long Households { get; private set; }

    public void Write(SyntheticHousehold h)
    {
        var householdNumber = HouseholdNumber.Create(++Households);
        _household[0] = householdNumber;
        _household[1] = Date(h.EstablishedOn);
        _files.Households.Write(_household);

        // 世帯内順位: the living members first (1..n), then the 除票 of the household.
        _ordered.Clear();
        foreach (var m in h.Members) if (m.Living) _ordered.Add(m);
        foreach (var m in h.Members) if (!m.Living) _ordered.Add(m);
        _lastProcessed.Clear();
        var numbers = new string[_ordered.Count];
        for (var i = 0; i < _ordered.Count; i++)
        {
            numbers[i] = AddresseeNumber.Create(++Persons);
            _lastProcessed.Add(WritePerson(h, _ordered[i], numbers[i], householdNumber, i + 1));
        }
        ChooseIssues(h, numbers);
    }

    /// <summary>Writes the person's 異動履歴 and 住民票 row; returns the day the last line was processed.</summary>
    private DateOnly WritePerson(SyntheticHousehold h, SyntheticPerson p, string number, string householdNumber, int order)
    {
        BuildLines(h, p);
        Array.Clear(_movement);
        var (addressSetOn, addressNotifiedOn) = (p.EnteredOn, p.EnteredOn);
        var previousNotified = DateOnly.MinValue;
        var previousProcessed = DateTime.MinValue;
        for (var i = 0; i < _lines.Count; i++)
        {
            var (reason, on) = _lines[i];
            var notified = Notified(reason, on);
            if (notified < previousNotified) notified = previousNotified;
            var processed = notified.ToDateTime(new TimeOnly(8, 30)).AddSeconds(_random.Next(8 * 3600 + 30 * 60));
            if (processed <= previousProcessed) processed = previousProcessed.AddMinutes(1 + _random.Next(20));
            (previousNotified, previousProcessed) = (notified, processed);
            if (IsAddressLine(reason)) (addressSetOn, addressNotifiedOn) = (on, notified);

            var address = h.AddressOn(on);
            _movement[_m.Number] = number;
            _movement[_m.Sequence] = (i + 1).ToString(CultureInfo.InvariantCulture);
            _movement[_m.Reason] = Code(reason);
            _movement[_m.On] = Date(on);
            _movement[_m.Notified] = Date(notified);
            _movement[_m.Processed] = processed.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);
            _movement[_m.Operator] = Operator;
            // Only the person who leaves gets a 消除 line here (a widow's change of head is her own 313), so the kind decides.
            _movement[_m.StatusAfter] = reason.Reason().Kind == MovementKind.Removal ? "2" : "1";
            _movement[_m.Household] = householdNumber;
            _movement[_m.Relationship] = p.RelationshipOn(on);
            _movement[_m.Town] = address.Town;
            _movement[_m.Block] = address.Block;
            _movement[_m.Building] = address.Building;
            _movement[_m.Overdue] = notified.DayNumber - on.DayNumber > 14 ? "1" : "0"; // 住基法22条等: 14日以内の届出
            _movement[_m.Note] = MovementReasons.Label(reason);
            _files.Movements.Write(_movement);
        }

        var last = _lines[^1].On;
        var current = h.AddressOn(last);
        var r = _resident;
        Array.Clear(r);
        r[_r.Number] = number;
        r[_r.ResidentCode] = Scrambled(Persons, _residentCodeOffset, 7_919_239_513).ToString("D11", CultureInfo.InvariantCulture);
        r[_r.PersonalNumber] = PersonalNumberOf(Persons);
        r[_r.Kind] = p.Foreign ? "2" : "1";
        r[_r.Status] = p.Living ? "1" : "2";
        r[_r.Household] = householdNumber;
        r[_r.Relationship] = p.RelationshipOn(last);
        r[_r.Order] = order.ToString(CultureInfo.InvariantCulture);
        (r[_r.FamilyName], r[_r.GivenName], r[_r.FamilyKana], r[_r.GivenKana]) = (p.FamilyName, p.GivenName, p.FamilyKana, p.GivenKana);
        r[_r.KanaConfirmed] = p.FamilyKana.Length > 0 && addressNotifiedOn >= KanaConfirmedFrom ? "1" : "0";
        (r[_r.FormerSurname], r[_r.FormerSurnameKana]) = (p.FormerSurname, p.FormerSurnameKana);
        r[_r.Birth] = Date(p.Birth);
        r[_r.Gender] = p.Gender.ToString(CultureInfo.InvariantCulture);
        if (!p.Foreign) (r[_r.Domicile], r[_r.DomicileHead]) = (p.Domicile, p.DomicileHead);
        r[_r.BecameResidentOn] = Date(p.EnteredOn);
        (r[_r.PostalCode], r[_r.Town], r[_r.Block], r[_r.Building]) = (current.PostalCode, current.Town, current.Block, current.Building);
        r[_r.AddressSetOn] = Date(addressSetOn);
        r[_r.AddressNotifiedOn] = Date(addressNotifiedOn);
        if (p.PriorAddress.Length > 0) (r[_r.PriorAddress], r[_r.PriorKind]) = (p.PriorAddress, p.PriorKind);
        r[_r.MovedOutAbroad] = "0";
        if (p.RemovedOn is { } removed)
        {
            (r[_r.RemovedOn], r[_r.RemovalReason]) = (Date(removed), Code(p.RemovalReason!.Value));
            if (p.RemovalReason == C.MoveOut)
            {
                (r[_r.MoveOutPlannedOn], r[_r.MoveOutAddress]) = (Date(removed), p.MoveOutAddress);
                // 転入通知 (住基法9条1項) from the new municipality confirms the 転出, usually within a few weeks.
                if (_random.NextDouble() < 0.8 && removed.AddDays(3 + _random.Next(25)) is var confirmed && confirmed <= _today)
                    r[_r.MoveOutConfirmedOn] = Date(confirmed);
            }
        }
        // 公職選挙法9条・21条: 日本国民で年齢満18年以上の住民 (the three-month residence rule is left to the electoral roll itself).
        r[_r.Elector] = !p.Foreign && p.Living && p.Birth <= _today.AddYears(-18) ? "1" : "0";
        if (p.Foreign)
        {
            (r[_r.LatinName], r[_r.CommonName], r[_r.CommonNameKana], r[_r.Nationality]) = (p.LatinName, p.CommonName, p.CommonNameKana, p.Nationality);
            r[_r.Category] = ((int)p.Category).ToString(CultureInfo.InvariantCulture);
            (r[_r.ResidenceStatus], r[_r.Period], r[_r.CardNumber]) = (p.Status, p.Period, p.CardNumber);
            if (p.StayExpiresOn is { } expires) r[_r.StayExpiresOn] = Date(expires);
        }
        _files.Residents.Write(r);

        if (p.Living && _random.NextDouble() < RestrictionRate) WriteRestriction(number, p.EnteredOn);
        return DateOnly.FromDateTime(previousProcessed);
    }

    /// <summary>The person's lines in date order: the 記載, a 転居 and a 世帯主変更 they lived through, the 消除.</summary>
    private void BuildLines(SyntheticHousehold h, SyntheticPerson p)
    {
        _lines.Clear();
        _lines.Add(new(p.EntryReason, p.EnteredOn));
        var end = p.RemovedOn ?? DateOnly.MaxValue;
        if (h.RelocatedOn is { } moved && p.EnteredOn < moved && moved <= end) _lines.Add(new(C.Relocation, moved));
        if (p.RelationshipChangedOn is { } changed && p.EnteredOn < changed && changed <= end) _lines.Add(new(C.HeadChange, changed));
        if (p.RemovedOn is { } removed) _lines.Add(new(p.RemovalReason!.Value, removed));
        // Stable by date: on one day the 転居 comes before the 世帯主変更, and the 消除 last.
        for (var i = 1; i < _lines.Count; i++)
            for (var j = i; j > 0 && _lines[j - 1].On > _lines[j].On; j--) (_lines[j - 1], _lines[j]) = (_lines[j], _lines[j - 1]);
    }

    private static bool IsAddressLine(C reason) => reason == C.Relocation || MovementReasons.Get(reason).Kind == MovementKind.Entry;

    /// <summary>届出年月日: within the 14 days (出生届 14日, 死亡届 7日) as a rule, a few late; on a weekday, never after today.</summary>
    private DateOnly Notified(C reason, DateOnly on)
    {
        var late = _random.NextDouble() < 0.03;
        var days = reason == C.Death ? _random.Next(8) : late ? 15 + _random.Next(60) : _random.Next(15);
        var notified = on.AddDays(days);
        notified = notified.DayOfWeek switch
        {
            DayOfWeek.Saturday => notified.AddDays(2),
            DayOfWeek.Sunday => notified.AddDays(1),
            _ => notified,
        };
        return notified > _today ? _today : notified;
    }

    private void WriteRestriction(string number, DateOnly enteredOn)
    {
        // 支援措置 (標準3.4, 住基法事務処理要領): one year from the 申出, so every one is still running on the reference date.
        var start = Between(enteredOn > _today.AddDays(-364) ? enteredOn : _today.AddDays(-364), _today);
        string[] reasons = ["DV支援措置の申出", "ストーカー行為等支援措置の申出", "児童虐待等支援措置の申出"];
        var x = _restriction;
        x[0] = "1"; x[1] = number; x[2] = "1"; x[3] = "1"; x[4] = "2"; x[5] = "1";
        x[6] = Date(start);
        x[7] = Date(start.AddYears(1).AddDays(-1));
        x[8] = ""; x[9] = "";
        x[10] = reasons[_random.Next(reasons.Length)];
        x[11] = "0"; x[12] = "0";
        x[13] = SyntheticPlaces.Staff[_random.Next(SyntheticPlaces.Staff.Length)];
        x[14] = OfficeTime(start).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);
        _files.Restrictions.Write(x);
    }

    /// <summary>About 5% of the residents had a 住民票の写し issued in the last year; 3 in 10 of them as 世帯連記式.</summary>
    private void ChooseIssues(SyntheticHousehold h, string[] numbers)
    {
        var living = 0;
        var householdSince = _today.AddDays(-364);
        for (var i = 0; i < _ordered.Count; i++)
            if (_ordered[i].Living)
            {
                living++;
                if (_lastProcessed[i].AddDays(1) > householdSince) householdSince = _lastProcessed[i].AddDays(1);
            }
        for (var i = 0; i < living; i++)
        {
            if (_random.NextDouble() >= IssueRate) continue;
            var p = _ordered[i];
            var household = living > 1 && _random.NextDouble() < 0.3;
            var since = household ? householdSince : Later(_today.AddDays(-364), _lastProcessed[i].AddDays(1));
            if (since > _today) continue;
            var day = Weekday(Between(since, _today), since);
            var official = _random.NextDouble() < 0.03;
            var address = h.AddressOn(_today);
            _issues.Add(new PendingIssue(OfficeTime(day), _issues.Count, household, official,
                official ? "デモ市税務課長" : (p.CommonName.Length > 0 ? p.CommonName : p.FullName),
                official ? "" : $"{SyntheticPlaces.Prefecture}{SyntheticPlaces.Municipality}{address.Town}{address.Block}{(address.Building.Length > 0 ? " " + address.Building : "")}",
                household ? string.Join(' ', numbers, 0, living) : numbers[i],
                SyntheticPlaces.Staff[_random.Next(SyntheticPlaces.Staff.Length)], SyntheticPlaces.Offices[_random.Next(SyntheticPlaces.Offices.Length)]));
        }
    }

    /// <summary>The 交付履歴 in time order, each with its 発行番号 (date + municipality + serial of the day).</summary>
    public void WriteCertificateIssues()
    {
        _issues.Sort((a, b) => a.At != b.At ? a.At.CompareTo(b.At) : a.Index.CompareTo(b.Index));
        var width = 3;
        for (int i = 0, run = 0; i < _issues.Count; i++)
        {
            run = i > 0 && _issues[i - 1].At.Date == _issues[i].At.Date ? run + 1 : 1;
            width = Math.Max(width, run.ToString(CultureInfo.InvariantCulture).Length);
        }
        var row = new string?[MigrationLayout.CertificateIssues.Columns.Count];
        var serial = 0;
        for (var i = 0; i < _issues.Count; i++)
        {
            var issue = _issues[i];
            serial = i > 0 && _issues[i - 1].At.Date == issue.At.Date ? serial + 1 : 1;
            row[0] = $"{issue.At:yyyyMMdd} {SyntheticPlaces.Municipality} {serial.ToString(new string('0', width), CultureInfo.InvariantCulture)}";
            row[1] = issue.At.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);
            row[2] = "1"; // 住民票の写し
            row[3] = issue.Household ? "2" : "1";
            row[4] = issue.Official ? "2" : "1";
            row[5] = issue.RequesterName;
            row[6] = issue.RequesterAddress;
            row[7] = issue.Official ? "市民税の賦課のため" : "";
            row[8] = issue.Official ? "デモ市税務課" : "";
            row[9] = issue.Official ? "0" : "300"; // 公用請求は手数料を徴収しない
            row[10] = "1";
            row[11] = issue.Staff;
            row[12] = issue.Office;
            row[13] = issue.Targets;
            row[14] = ""; row[15] = ""; row[16] = "";
            _files.CertificateIssues.Write(row);
        }
    }

    // ---- numbers

    private const long NumberSpace = 100_000_000_000; // 11 digits

    /// <summary>A bijection of the 11-digit space (multiplier coprime to 10): unique per person without remembering any.</summary>
    private static long Scrambled(long sequence, long offset, long multiplier) =>
        (long)(((UInt128)sequence * (ulong)multiplier + (ulong)offset) % NumberSpace);

    private string PersonalNumberOf(long sequence)
    {
        var missing = _random.NextDouble() < MissingPersonalNumberRate;
        if (missing) return "";
        var first11 = Scrambled(sequence, _personalNumberOffset, 3_141_592_653).ToString("D11", CultureInfo.InvariantCulture);
        return first11 + (char)('0' + PersonalNumber.CheckDigit(first11));
    }

    // ---- dates

    private static string Date(DateOnly d) => d.ToString("yyyyMMdd", CultureInfo.InvariantCulture);
    private static string Code(C reason) => ((int)reason).ToString(CultureInfo.InvariantCulture);

    private DateTime OfficeTime(DateOnly day) => day.ToDateTime(new TimeOnly(8, 30)).AddSeconds(_random.Next(8 * 3600 + 30 * 60));

    private DateOnly Between(DateOnly from, DateOnly to) => to <= from ? from : from.AddDays(_random.Next(to.DayNumber - from.DayNumber + 1));

    /// <summary>Moves a weekend day to a weekday inside [<paramref name="since"/>, today] when there is one.</summary>
    private DateOnly Weekday(DateOnly day, DateOnly since)
    {
        for (var d = day; d <= _today; d = d.AddDays(1)) if (d.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday)) return d;
        for (var d = day; d >= since; d = d.AddDays(-1)) if (d.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday)) return d;
        return day;
    }

    private static DateOnly Later(DateOnly a, DateOnly b) => a > b ? a : b;

    /// <summary>residents.csv column positions, looked up once by item name so that a reordered layout cannot shift a value.</summary>
    private sealed class ResidentColumns
    {
        private static readonly LayoutFile F = MigrationLayout.Residents;
        public readonly int Number = F.IndexOf("宛名番号"), ResidentCode = F.IndexOf("住民票コード"), PersonalNumber = F.IndexOf("個人番号"),
            Kind = F.IndexOf("住民種別"), Status = F.IndexOf("住民状態"), Household = F.IndexOf("世帯番号"), Relationship = F.IndexOf("続柄"),
            Order = F.IndexOf("世帯内順位"), FamilyName = F.IndexOf("氏"), GivenName = F.IndexOf("名"), FamilyKana = F.IndexOf("氏カナ"),
            GivenKana = F.IndexOf("名カナ"), KanaConfirmed = F.IndexOf("フリガナ確認"), FormerSurname = F.IndexOf("旧氏"),
            FormerSurnameKana = F.IndexOf("旧氏カナ"), Birth = F.IndexOf("生年月日"), Gender = F.IndexOf("性別"), Domicile = F.IndexOf("本籍"),
            DomicileHead = F.IndexOf("筆頭者"), BecameResidentOn = F.IndexOf("住民となった年月日"), PostalCode = F.IndexOf("郵便番号"),
            Town = F.IndexOf("町字"), Block = F.IndexOf("番地"), Building = F.IndexOf("方書"), AddressSetOn = F.IndexOf("住所を定めた年月日"),
            AddressNotifiedOn = F.IndexOf("住所届出年月日"), PriorAddress = F.IndexOf("転入前住所"), PriorKind = F.IndexOf("転入区分"),
            MoveOutPlannedOn = F.IndexOf("転出予定年月日"), MoveOutAddress = F.IndexOf("転出先住所"), MovedOutAbroad = F.IndexOf("転出先国外"),
            MoveOutConfirmedOn = F.IndexOf("転出確定年月日"), RemovedOn = F.IndexOf("消除年月日"), RemovalReason = F.IndexOf("消除事由"),
            Elector = F.IndexOf("選挙人名簿登録"), LatinName = F.IndexOf("氏名ローマ字"), CommonName = F.IndexOf("通称"),
            CommonNameKana = F.IndexOf("通称カナ"), Nationality = F.IndexOf("国籍・地域"), Category = F.IndexOf("外国人住民区分"),
            ResidenceStatus = F.IndexOf("在留資格"), Period = F.IndexOf("在留期間"), StayExpiresOn = F.IndexOf("在留期間満了日"),
            CardNumber = F.IndexOf("在留カード等番号");
    }

    /// <summary>movements.csv column positions.</summary>
    private sealed class MovementColumns
    {
        private static readonly LayoutFile F = MigrationLayout.Movements;
        public readonly int Number = F.IndexOf("宛名番号"), Sequence = F.IndexOf("連番"), Reason = F.IndexOf("異動事由"), On = F.IndexOf("異動年月日"),
            Notified = F.IndexOf("届出年月日"), Processed = F.IndexOf("処理日時"), Operator = F.IndexOf("処理者"), StatusAfter = F.IndexOf("異動後住民状態"), Household = F.IndexOf("異動後世帯番号"),
            Relationship = F.IndexOf("異動後続柄"), Town = F.IndexOf("異動後町字"), Block = F.IndexOf("異動後番地"), Building = F.IndexOf("異動後方書"),
            Overdue = F.IndexOf("届出期間経過"), Note = F.IndexOf("摘要");
    }
}
