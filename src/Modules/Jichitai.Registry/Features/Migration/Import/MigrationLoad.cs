using Jichitai.Platform.Text;
using System.Globalization;
using System.Text.Json;
using Jichitai.Platform.Protection;
using Jichitai.Registry.Features.Migration.Files;
using Jichitai.Registry.Features.Migration.Layout;
using Jichitai.Registry.Features.Migration.Mapping;
using Jichitai.Registry.Movements;
using Jichitai.Registry.Persistence;
using Jichitai.Registry.Residents;
using Microsoft.EntityFrameworkCore;

namespace Jichitai.Registry.Features.Migration.Import;

/// <summary>
/// One pass over the files in layout order, checking each row and queueing its rows for the bulk writer. Cross-file rules
/// (household heads, history against the current record, references) are checked as the files stream past: residents and
/// movements are both sorted by 宛名番号, so each person's history is merged in without holding the files in memory.
/// After the first error nothing more is queued, but reading goes on so that the report lists every error.
/// </summary>
internal sealed class MigrationLoad(int tenantId, RegistryDbContext db, BulkWriter writer, PersonalDataProtector protector,
    List<MigrationError> errors, MigrationFileSet files, StrictEncoding encoding, IProgress<ImportProgress>? progress)
{
    private const int MaxErrors = 100_000;

    private sealed class HouseholdInfo(long id, long line)
    {
        public long Id { get; } = id;
        public long Line { get; } = line;
        public int Heads { get; set; }
        public int Members { get; set; }
        public string? FirstHead { get; set; }
    }

    private readonly record struct PersonRef(long Id, string Name);

    private readonly Dictionary<string, HouseholdInfo> _households = new(StringComparer.Ordinal);
    private readonly Dictionary<string, PersonRef> _people = new(StringComparer.Ordinal);
    private readonly HashSet<string> _rejected = new(StringComparer.Ordinal);
    private readonly HashSet<long> _residentCodes = [];
    private readonly HashSet<long> _personalNumbers = [];
    private long _maxAddresseeSequence, _maxHouseholdSequence;
    private long _bytesBefore, _rows;
    private readonly long _bytesTotal = files.TotalBytes;

    private bool Writing => errors.Count == 0;

    public async Task<ImportCounts> RunAsync(CancellationToken ct)
    {
        var households = await HouseholdsAsync(ct);
        var (residents, movements) = await ResidentsAsync(ct);
        var restrictions = await RestrictionsAsync(ct);
        var issues = await CertificatesAsync(ct);
        if (Writing) await writer.FlushAsync(ct);
        return new(households, residents, movements, restrictions, issues);
    }

    /// <summary>Time spent by the background writer (overlapping the reading).</summary>
    public TimeSpan WriteTime => writer.WriteTime;

    public TimeSpan WaitTime => writer.WaitTime;


    private MigrationFileReader Open(LayoutFile file, out FileStream stream)
    {
        stream = files.OpenRead(file);
        return new MigrationFileReader(stream, file, encoding, errors);
    }

    private void Report(LayoutFile file, MigrationFileReader reader, bool force = false)
    {
        if (progress is null || (!force && ++_rows % 2000 != 0)) return;
        progress.Report(new(file.FileName, _bytesBefore + reader.Position, _bytesTotal, _rows));
    }

    private void Done(LayoutFile file)
    {
        _bytesBefore += new FileInfo(files.PathOf(file)).Length;
        progress?.Report(new(file.FileName, _bytesBefore, _bytesTotal, _rows));
    }

    private bool TooMany() => errors.Count >= MaxErrors;

    private async Task<int> HouseholdsAsync(CancellationToken ct)
    {
        var file = MigrationLayout.Households;
        using var reader = Open(file, out var stream);
        await using var _ = stream;
        var fields = new FieldReader(file, errors);
        string? previous = null;
        var count = 0;
        while (!TooMany() && reader.Next() is { } row)
        {
            fields.Start(row, reader.Line);
            var number = fields.Required(0);
            var createdOn = fields.Date(1);
            if (!fields.RowOk) continue;
            if (!InOrder(file, reader.Line, "世帯番号", previous, number)) continue;
            previous = number;
            var id = await writer.NextIdAsync<HouseholdRow>(ct);
            _households[number] = new HouseholdInfo(id, reader.Line);
            _maxHouseholdSequence = Math.Max(_maxHouseholdSequence, SequenceOf(number));
            if (Writing) await writer.AddAsync(new HouseholdRow { Id = id, TenantId = tenantId, HouseholdNumber = number, CreatedOn = createdOn!.Value }, ct);
            count++;
            Report(file, reader);
        }
        Done(file);
        return count;
    }

    private bool InOrder(LayoutFile file, long line, string column, string? previous, string current)
    {
        if (previous is null) return true;
        var order = string.CompareOrdinal(previous, current);
        if (order < 0) return true;
        errors.Add(new(file.FileName, line, column, current, order == 0 ? $"{column}が重複しています" : $"{column}の昇順に並んでいません(前の行は {previous})"));
        return false;
    }

    private async Task<(int Residents, int Movements)> ResidentsAsync(CancellationToken ct)
    {
        var file = MigrationLayout.Residents;
        using var reader = Open(file, out var stream);
        await using var _ = stream;
        using var history = new HistoryCursor(Open(MigrationLayout.Movements, out var historyStream), errors);
        await using var __ = historyStream;
        reader.Skipped = bad => _rejected.Add(bad[0]);
        var fields = new FieldReader(file, errors);
        string? previous = null;
        var (residents, movements) = (0, 0);
        while (!TooMany() && reader.Next() is { } row)
        {
            var number = row[0];
            history.SkipBefore(number, _rejected);
            var lines = history.TakeFor(number);
            fields.Start(row, reader.Line);
            if (!InOrder(file, reader.Line, "宛名番号", previous, number)) continue;
            previous = number;
            var read = ResidentColumns.Read(fields);
            if (read is null || !CheckUnique(fields, read.Record, read.PersonalNumber))
            {
                _rejected.Add(number);
                continue;
            }
            var record = read.Record;
            if (!_households.TryGetValue(record.HouseholdNumber!, out var household))
            {
                errors.Add(new(file.FileName, reader.Line, "世帯番号", record.HouseholdNumber!, "households.csv にない世帯番号です"));
                _rejected.Add(number);
                continue;
            }
            if (lines.Count == 0)
            {
                errors.Add(new(file.FileName, reader.Line, "宛名番号", number, "movements.csv にこの人の異動履歴がありません(最初の記載の異動が必要です)"));
                _rejected.Add(number);
                continue;
            }
            if (lines.Any(l => l is null)) continue; // the bad history lines are reported already
            HistoryReplay.Check(record, lines!, errors);
            if (record.Status == ResidentStatus.Resident)
            {
                household.Members++;
                if (record.IsHead && ++household.Heads == 1) household.FirstHead = number;
                else if (record.IsHead) errors.Add(new(file.FileName, reader.Line, "続柄", "00", $"世帯 {record.HouseholdNumber} には既に世帯主(宛名番号 {household.FirstHead})がいます"));
            }
            var id = await writer.NextIdAsync<ResidentRow>(ct);
            _people[number] = new PersonRef(id, record.FullName);
            _maxAddresseeSequence = Math.Max(_maxAddresseeSequence, SequenceOf(number));
            residents++;
            movements += lines.Count;
            await QueuePersonAsync(id, record with { HouseholdId = household.Id }, read.PersonalNumber, lines!, ct);
            Report(file, reader);
        }
        history.SkipBefore(null, _rejected);
        if (Writing) await DrainWorkAsync(ct);
        foreach (var (number, h) in _households)
            if (h.Members > 0 && h.Heads == 0)
                errors.Add(new(MigrationLayout.Households.FileName, h.Line, "世帯番号", number, "住民である世帯員に世帯主(続柄 00)がいません"));
        Done(file);
        Done(MigrationLayout.Movements);
        return (residents, movements);
    }

    private bool CheckUnique(FieldReader fields, ResidentRecord record, string? personalNumber)
    {
        if (record.ResidentCode is { } code && !_residentCodes.Add(long.Parse(code, CultureInfo.InvariantCulture)))
            fields.Fail("住民票コード", code, "住民票コードが他の住民と重複しています");
        if (personalNumber is not null && !_personalNumbers.Add(long.Parse(personalNumber, CultureInfo.InvariantCulture)))
            fields.Fail("個人番号", personalNumber, "個人番号が他の住民と重複しています");
        return fields.RowOk;
    }

    /// <summary>A checked person, with every id assigned, waiting to be turned into rows.</summary>
    private sealed record PersonWork(long ResidentId, ResidentRecord Record, string? PersonalNumber, IReadOnlyList<MovementColumns.Line> Lines,
        long[] HouseholdIds, long[] MovementIds, long[] VersionIds);

    private sealed record PersonRows(ResidentRow Resident, MovementRow[] Movements, ResidentVersionRow[] Versions);

    private const int WorkBatch = 2_000;
    private readonly List<PersonWork> _work = new(WorkBatch);

    /// <summary>The sequential part: references and ids. Building the rows (JSON, encryption, search keys) happens per batch, in parallel.</summary>
    private async Task QueuePersonAsync(long residentId, ResidentRecord record, string? personalNumber,
        IReadOnlyList<MovementColumns.Line> lines, CancellationToken ct)
    {
        var householdIds = new long[lines.Count];
        for (var i = 0; i < lines.Count; i++)
        {
            if (!_households.TryGetValue(lines[i].HouseholdNumber, out var household))
            {
                errors.Add(new(MigrationLayout.Movements.FileName, lines[i].FileLine, "異動後世帯番号", lines[i].HouseholdNumber, "households.csv にない世帯番号です"));
                return;
            }
            householdIds[i] = household.Id;
        }
        if (!Writing) return;
        var (movementIds, versionIds) = (new long[lines.Count], new long[lines.Count]);
        for (var i = 0; i < lines.Count; i++)
        {
            movementIds[i] = await writer.NextIdAsync<MovementRow>(ct);
            versionIds[i] = await writer.NextIdAsync<ResidentVersionRow>(ct);
        }
        _work.Add(new PersonWork(residentId, record, personalNumber, lines, householdIds, movementIds, versionIds));
        if (_work.Count >= WorkBatch) await DrainWorkAsync(ct);
    }

    private async Task DrainWorkAsync(CancellationToken ct)
    {
        var built = new PersonRows[_work.Count];
        Parallel.For(0, _work.Count, new ParallelOptions { CancellationToken = ct }, i => built[i] = Build(_work[i]));
        _work.Clear();
        foreach (var person in built)
        {
            for (var i = 0; i < person.Movements.Length; i++)
            {
                await writer.AddAsync(person.Movements[i], ct);
                await writer.AddAsync(person.Versions[i], ct);
            }
            await writer.AddAsync(person.Resident, ct);
        }
    }

    /// <summary>A person's rows: every version's record (the last one is the current 住民票), 個人番号 encrypted, search keys.</summary>
    private PersonRows Build(PersonWork w)
    {
        var record = w.Record;
        if (w.PersonalNumber is { } number)
            record = record with
            {
                PersonalNumberProtected = protector.Protect(tenantId, MovementSession.PersonalNumberPurpose, number),
                PersonalNumberIndex = protector.BlindIndex(tenantId, MovementSession.PersonalNumberPurpose, number),
            };
        var (movements, versions) = (new MovementRow[w.Lines.Count], new ResidentVersionRow[w.Lines.Count]);
        MovementColumns.Line? removal = null;
        for (var i = 0; i < w.Lines.Count; i++)
        {
            var line = w.Lines[i];
            var livingBefore = i > 0 && w.Lines[i - 1].StatusAfter == ResidentStatus.Resident;
            if (livingBefore && line.StatusAfter != ResidentStatus.Resident) removal = line;
            var after = MovementColumns.After(line, record, w.HouseholdIds[i], i == w.Lines.Count - 1, removal);
            movements[i] = new MovementRow
            {
                Id = w.MovementIds[i], TenantId = tenantId, ReasonCode = (int)line.Reason, EffectiveOn = line.EffectiveOn,
                NotifiedOn = line.NotifiedOn, ProcessedAt = line.ProcessedAt, StaffName = line.StaffName, LateNotification = line.Late,
                Summary = line.Summary,
            };
            versions[i] = new ResidentVersionRow
            {
                Id = w.VersionIds[i], TenantId = tenantId, ResidentId = w.ResidentId, MovementId = w.MovementIds[i],
                EffectiveOn = line.EffectiveOn, HouseholdId = after.HouseholdId, Record = MovementSession.Serialize(after),
            };
        }
        var row = new ResidentRow { Id = w.ResidentId, TenantId = tenantId, AddresseeNumber = record.AddresseeNumber, Record = "", KanaKey = "", NameKey = "", AddressKey = "" };
        MovementSession.ApplyToRow(row, record, versions[^1]);
        return new PersonRows(row, movements, versions);
    }

    private async Task<int> RestrictionsAsync(CancellationToken ct)
    {
        var file = MigrationLayout.Restrictions;
        using var reader = Open(file, out var stream);
        await using var _ = stream;
        var fields = new FieldReader(file, errors);
        var count = 0;
        while (!TooMany() && reader.Next() is { } row)
        {
            fields.Start(row, reader.Line);
            if (RestrictionColumns.Read(fields) is not { } read) continue;
            var restriction = read.Restriction;
            if (read.OnHousehold && _households.TryGetValue(read.Number, out var h)) restriction.HouseholdId = h.Id;
            else if (!read.OnHousehold && _people.TryGetValue(read.Number, out var p)) restriction.ResidentId = p.Id;
            else if (!read.OnHousehold && _rejected.Contains(read.Number)) continue;
            else
            {
                errors.Add(new(file.FileName, reader.Line, "対象番号", read.Number, read.OnHousehold ? "households.csv にない世帯番号です" : "residents.csv にない宛名番号です"));
                continue;
            }
            restriction.Id = await writer.NextIdAsync<RestrictionRow>(ct);
            restriction.TenantId = tenantId;
            if (Writing) await writer.AddAsync(restriction, ct);
            count++;
            Report(file, reader);
        }
        Done(file);
        return count;
    }

    private async Task<int> CertificatesAsync(CancellationToken ct)
    {
        var file = MigrationLayout.CertificateIssues;
        using var reader = Open(file, out var stream);
        await using var _ = stream;
        var fields = new FieldReader(file, errors);
        var numbers = new HashSet<string>(StringComparer.Ordinal);
        var count = 0;
        while (!TooMany() && reader.Next() is { } row)
        {
            fields.Start(row, reader.Line);
            if (CertificateColumns.Read(fields) is not { } read) continue;
            var issue = read.Issue;
            if (!numbers.Add(issue.IssueNumber)) fields.Fail("発行番号", issue.IssueNumber, "発行番号が重複しています");
            var subjects = new List<CertificateSubjectRow>();
            foreach (var number in read.SubjectNumbers)
                if (_people.TryGetValue(number, out var person))
                    subjects.Add(new CertificateSubjectRow { TenantId = tenantId, ResidentId = person.Id, AddresseeNumber = number, Name = person.Name });
                else if (!_rejected.Contains(number)) fields.Fail("対象者宛名番号", number, "residents.csv にない宛名番号です");
            if (!fields.RowOk) continue;
            issue.Id = await writer.NextIdAsync<CertificateIssueRow>(ct);
            issue.TenantId = tenantId;
            issue.Serial = SerialOf(issue.IssueNumber);
            // 照合番号 must be unique per tenant; a migrated issue has none, so it gets a code no printed certificate can carry.
            issue.VerificationCode = "M" + issue.Id.ToString("D15", CultureInfo.InvariantCulture);
            if (Writing)
            {
                await writer.AddAsync(issue, ct);
                foreach (var s in subjects)
                {
                    s.Id = await writer.NextIdAsync<CertificateSubjectRow>(ct);
                    s.IssueId = issue.Id;
                    await writer.AddAsync(s, ct);
                }
            }
            count++;
            Report(file, reader);
        }
        Done(file);
        return count;
    }

    /// <summary>After the load, 宛名番号/世帯番号 numbering continues above the highest imported number of our 10-digit form.</summary>
    public async Task AdvanceCountersAsync(CancellationToken ct)
    {
        foreach (var (name, next) in new[] { ("addressee", _maxAddresseeSequence + 1), ("household", _maxHouseholdSequence + 1) })
        {
            var greatest = db.Database.IsNpgsql() ? "GREATEST" : "MAX";
#pragma warning disable EF1002, EF1003 // the function name is one of two constants
            await db.Database.ExecuteSqlRawAsync(
                $"INSERT INTO registry_number_counters (tenant_id, name, next_value) VALUES ({{0}}, {{1}}, {{2}}) " +
                $"ON CONFLICT (tenant_id, name) DO UPDATE SET next_value = {greatest}(registry_number_counters.next_value, excluded.next_value)",
                [tenantId, name, next], ct);
#pragma warning restore EF1002, EF1003
        }
    }

    // Our numbers are a 9-digit sequence and a check digit (AddresseeNumber); numbers of another form do not move the counter.
    private static long SequenceOf(string number) =>
        number.Length == Domain.Numbering.AddresseeNumber.Length ? long.Parse(number.AsSpan(0, number.Length - 1), CultureInfo.InvariantCulture) : 0;

    private static int SerialOf(string issueNumber)
    {
        var digits = new string(issueNumber.Reverse().TakeWhile(char.IsAsciiDigit).Reverse().ToArray());
        return digits.Length is > 0 and < 9 ? int.Parse(digits, CultureInfo.InvariantCulture) : 0;
    }
}
