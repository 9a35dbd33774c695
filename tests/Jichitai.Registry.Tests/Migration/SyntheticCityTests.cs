using Jichitai.Platform.Text;
using System.Text.RegularExpressions;
using Jichitai.Registry.Domain.Codes;
using Jichitai.Registry.Domain.Numbering;
using Jichitai.Registry.Features.Migration.Files;
using Jichitai.Registry.Features.Migration.Layout;
using Jichitai.Registry.Features.Migration.Synthetic;

namespace Jichitai.Registry.Tests.Migration;

/// <summary>One synthetic デモ市 of 20,000 residents, generated once and read back through the migration reader.</summary>
public sealed class SyntheticCityFixture : IAsyncLifetime
{
    public static readonly DateOnly Today = new(2026, 11, 26);
    public const int Residents = 20_000;
    public string Directory { get; } = Path.Combine(Path.GetTempPath(), "jichitai-synthetic-" + Guid.NewGuid().ToString("N"));
    public SyntheticCityResult Result { get; private set; } = null!;
    public MigrationFileSet Files { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Result = await SyntheticCity.WriteAsync(new SyntheticCityOptions(Residents, Directory, Today, Seed: 7));
        Files = MigrationFileSet.Read(Directory, StrictEncoding.Utf8);
    }

    public Task DisposeAsync()
    {
        System.IO.Directory.Delete(Directory, recursive: true);
        return Task.CompletedTask;
    }
}

public sealed class SyntheticCityTests(SyntheticCityFixture city) : IClassFixture<SyntheticCityFixture>
{
    private static readonly DateOnly Today = SyntheticCityFixture.Today;
    private MigrationFileSet Files => city.Files;

    [Fact]
    public void WritesExactlyTheResidentsAsked_AndCountsWhatItWrote()
    {
        Assert.Empty(city.Result.Errors);
        Assert.Equal(SyntheticCityFixture.Residents, Files.Residents.Count(r => r["住民状態"] == "1"));
        Assert.Equal(city.Result.RemovedPersons, Files.Residents.Count(r => r["住民状態"] == "2"));
        var counts = city.Result.Files.ToDictionary(f => f.File.FileName, f => f.Rows);
        Assert.Equal(Files.Households.Count, counts["households.csv"]);
        Assert.Equal(Files.Residents.Count, counts["residents.csv"]);
        Assert.Equal(Files.Movements.Count, counts["movements.csv"]);
        Assert.Equal(Files.Restrictions.Count, counts["restrictions.csv"]);
        Assert.Equal(Files.CertificateIssues.Count, counts["certificate_issues.csv"]);
    }

    [Fact]
    public void EveryFile_IsInTheOrderTheLayoutRequires()
    {
        AssertAscending(Files.Households, r => r["世帯番号"]);
        AssertAscending(Files.Residents, r => r["宛名番号"]);
        AssertAscending(Files.Movements, r => $"{r["宛名番号"]}|{int.Parse(r["連番"]):D5}");
        AssertAscending(Files.Restrictions, r => $"{r["対象区分"]}|{r["対象番号"]}|{r["開始年月日"]}");
        AssertAscending(Files.CertificateIssues, r => $"{r["交付日時"]}|{r["発行番号"]}");
        // 10-digit numbers with check digit: string order is number order.
        Assert.All(Files.Residents, r => Assert.True(AddresseeNumber.IsValid(r["宛名番号"], out _)));
        Assert.All(Files.Households, r => Assert.True(HouseholdNumber.IsValid(r["世帯番号"], out _)));
    }

    [Fact]
    public void EveryValue_IsOneTheLayoutAccepts()
    {
        foreach (var (file, rows) in new[] { (MigrationLayout.Households, Files.Households), (MigrationLayout.Residents, Files.Residents),
                     (MigrationLayout.Movements, Files.Movements), (MigrationLayout.Restrictions, Files.Restrictions), (MigrationLayout.CertificateIssues, Files.CertificateIssues) })
            foreach (var row in rows)
                foreach (var column in file.Columns)
                {
                    var value = row[column.Name];
                    var where = $"{file.FileName} {column.Name} = \"{value}\"";
                    if (value.Length == 0) { Assert.False(column.Required, where); continue; }
                    Assert.True(value.EnumerateRunes().Count() <= column.MaxLength, where);
                    Assert.True(column.Type switch
                    {
                        ColumnType.Digits => value.All(char.IsAsciiDigit),
                        ColumnType.Number => int.TryParse(value, out _),
                        ColumnType.Kana => value.All(c => c is >= '\u30A1' and <= '\u30FA' or 'ー' or '・' or '\u3000'),
                        // Only the end of a stay or of a 支援措置 lies in the future.
                        ColumnType.Date => DateOnly.TryParseExact(value, "yyyyMMdd", out var d) && (d <= Today || column.Name is "在留期間満了日" or "終了予定年月日"),
                        ColumnType.DateTime => DateTime.TryParseExact(value, "yyyy-MM-dd HH:mm:ss", null, System.Globalization.DateTimeStyles.None, out _),
                        ColumnType.Code or ColumnType.Flag => column.Codes!.Contains(value),
                        _ => !value.Contains('\n'),
                    }, where);
                }
    }

    [Fact]
    public void Households_HaveOneLivingHead_AndMembersInOrder()
    {
        var known = Files.Households.Select(h => h["世帯番号"]).ToHashSet();
        Assert.Equal(Files.Households.Count, known.Count);
        Assert.All(Files.Residents, r => Assert.Contains(r["世帯番号"], known));
        Assert.All(Files.Movements, m => Assert.Contains(m["異動後世帯番号"], known));
        var established = Files.Households.ToDictionary(h => h["世帯番号"], h => h.Date("世帯設定年月日"));
        foreach (var household in Files.Residents.GroupBy(r => r["世帯番号"]))
        {
            var living = household.Where(r => r["住民状態"] == "1").ToList();
            if (living.Count > 0) Assert.Single(living, r => r["続柄"] == "00");
            // 世帯内順位: 1..n over the household, the living members first.
            Assert.Equal(Enumerable.Range(1, household.Count()), household.Select(r => int.Parse(r["世帯内順位"])).Order());
            Assert.Equal(Enumerable.Range(1, living.Count), living.Select(r => int.Parse(r["世帯内順位"])).Order());
            Assert.All(household, r => Assert.True(established[household.Key] <= r.Date("住民となった年月日")));
        }
        // A person is in one household: the 宛名番号 is unique.
        Assert.Equal(Files.Residents.Count, Files.Residents.Select(r => r["宛名番号"]).Distinct().Count());
    }

    [Fact]
    public void Persons_AreConsistentInThemselves()
    {
        var residentCodes = new HashSet<string>();
        var personalNumbers = new HashSet<string>();
        foreach (var r in Files.Residents)
        {
            var japanese = r["住民種別"] == "1";
            var living = r["住民状態"] == "1";
            var birth = r.Date("生年月日");
            Assert.True(birth <= r.Date("住民となった年月日") && r.Date("住民となった年月日") <= r.Date("住所を定めた年月日")
                        && r.Date("住所を定めた年月日") <= r.Date("住所届出年月日"), r["宛名番号"]);
            if (living) Assert.True(r["消除年月日"] == "" && r["消除事由"] == "", r["宛名番号"]);
            else Assert.True(r["消除年月日"] != "" && r["消除事由"] is "201" or "210", r["宛名番号"]);
            var gender = r["続柄"] switch { "11" or "31" => "1", "12" or "32" or "2012" => "2", _ => r["性別"] };
            Assert.Equal(gender, r["性別"]);
            Assert.Equal(japanese && living && birth <= Today.AddYears(-18) ? "1" : "0", r["選挙人名簿登録"]);

            Assert.Matches("^[0-9]{11}$", r["住民票コード"]);
            Assert.True(residentCodes.Add(r["住民票コード"]), "住民票コード is unique");
            if (r["個人番号"] is { Length: > 0 } number)
            {
                Assert.True(PersonalNumber.IsValid(number, out var error), error);
                Assert.True(personalNumbers.Add(number), "個人番号 is unique");
            }
            if (japanese)
            {
                Assert.All(new[] { "氏", "名", "氏カナ", "名カナ", "本籍", "筆頭者" }, c => Assert.NotEqual("", r[c]));
                Assert.All(new[] { "氏名ローマ字", "国籍・地域", "外国人住民区分", "在留カード等番号" }, c => Assert.Equal("", r[c]));
            }
            else
            {
                Assert.All(new[] { "氏名ローマ字", "国籍・地域", "外国人住民区分" }, c => Assert.NotEqual("", r[c]));
                Assert.True(r["本籍"] == "" && r["筆頭者"] == "" && r["選挙人名簿登録"] == "0");
                Assert.Equal(r["氏"] == "", r["氏カナ"] == "");
                var category = r["外国人住民区分"];
                // 住基法30条の45: the card number for 中長期在留者 and 特別永住者 only; 在留資格 and 期間 for 中長期在留者.
                if (category is "1" or "2") Assert.Matches("^[A-Z]{2}[0-9]{8}[A-Z]{2}$", r["在留カード等番号"]);
                else Assert.Equal("", r["在留カード等番号"]);
                Assert.Equal(category == "1", r["在留資格"] != "" && r["在留期間"] != "" && r["在留期間満了日"] != "");
                if (category != "1") Assert.True(r["在留資格"] == "" && r["在留期間"] == "" && r["在留期間満了日"] == "");
            }
            if (r["転入前住所"] != "") Assert.Contains(r["転入区分"], new[] { "1", "4" });
        }
    }

    [Fact]
    public void ChildrenAndParents_AreOfPlausibleAges()
    {
        foreach (var household in Files.Residents.GroupBy(r => r["世帯番号"]))
        {
            var head = household.FirstOrDefault(r => r["続柄"] == "00");
            if (head is null) continue;
            foreach (var r in household)
            {
                var gap = (r["続柄"] switch { "20" => r.Date("生年月日").DayNumber - head.Date("生年月日").DayNumber,
                    "31" or "32" => head.Date("生年月日").DayNumber - r.Date("生年月日").DayNumber, _ => 30 * 365 }) / 365.25;
                Assert.InRange(gap, 19.9, 45.1);
            }
        }
    }

    [Fact]
    public void History_StartsWithAnEntry_NeverGoesBack_AndEndsInTheCurrentRecord()
    {
        var history = Files.Movements.GroupBy(m => m["宛名番号"]).ToDictionary(g => g.Key, g => g.ToList());
        Assert.Equal(Files.Residents.Count, history.Count);
        foreach (var r in Files.Residents)
        {
            var lines = history[r["宛名番号"]];
            Assert.Equal(Enumerable.Range(1, lines.Count), lines.Select(l => int.Parse(l["連番"])));
            Assert.StartsWith("1", lines[0]["異動事由"]);
            Assert.Equal(r.Date("住民となった年月日"), lines[0].Date("異動年月日"));
            if (lines[0]["異動事由"] == "110") Assert.Equal(r.Date("生年月日"), lines[0].Date("異動年月日"));
            if (lines[0]["異動事由"] is "101" or "105" or "106") Assert.NotEqual("", r["転入前住所"]);
            for (var i = 0; i < lines.Count; i++)
            {
                var line = lines[i];
                Assert.True(line.Date("届出年月日") >= line.Date("異動年月日"));
                Assert.Equal(line.Date("届出年月日"), DateOnly.FromDateTime(line.DateTime("処理日時")));
                Assert.Equal(line.Date("届出年月日").DayNumber - line.Date("異動年月日").DayNumber > 14 ? "1" : "0", line["届出期間経過"]);
                if (i > 0) Assert.True(lines[i - 1].Date("異動年月日") <= line.Date("異動年月日"), r["宛名番号"]);
                if (i < lines.Count - 1) Assert.False(line["異動事由"].StartsWith('2'), "a 消除 is the last line");
            }
            var last = lines[^1];
            Assert.Equal((r["世帯番号"], r["続柄"], r["町字"], r["番地"], r["方書"]),
                (last["異動後世帯番号"], last["異動後続柄"], last["異動後町字"], last["異動後番地"], last["異動後方書"]));
            var addressLine = lines.Last(l => l["異動事由"].StartsWith('1') || l["異動事由"] == "301");
            Assert.Equal(r.Date("住所を定めた年月日"), addressLine.Date("異動年月日"));
            Assert.Equal(r.Date("住所届出年月日"), addressLine.Date("届出年月日"));
            if (r["住民状態"] == "2")
                Assert.Equal((r["消除年月日"], r["消除事由"]), (last["異動年月日"], last["異動事由"]));
        }
    }

    [Fact]
    public void RestrictionsAndIssues_PointAtLivingResidents()
    {
        var residents = Files.Residents.ToDictionary(r => r["宛名番号"]);
        Assert.All(Files.Restrictions, x =>
        {
            Assert.Equal("1", residents[x["対象番号"]]["住民状態"]);
            Assert.True(x.Date("開始年月日") <= Today && x.Date("終了予定年月日") >= Today);
            Assert.Equal(x.Date("開始年月日"), DateOnly.FromDateTime(x.DateTime("登録日時")));
        });
        Assert.Equal(Files.CertificateIssues.Count, Files.CertificateIssues.Select(i => i["発行番号"]).Distinct().Count());
        Assert.All(Files.CertificateIssues, issue =>
        {
            Assert.Matches("^[0-9]{8} デモ市 [0-9]{3,}$", issue["発行番号"]);
            Assert.StartsWith(issue.DateTime("交付日時").ToString("yyyyMMdd"), issue["発行番号"]);
            Assert.InRange(DateOnly.FromDateTime(issue.DateTime("交付日時")), Today.AddDays(-364), Today);
            var targets = issue["対象者宛名番号"].Split(' ');
            Assert.All(targets, t => Assert.Equal("1", residents[t]["住民状態"]));
            Assert.Equal(issue["様式"] == "2", targets.Length > 1);
            if (issue["請求者区分"] == "1" && issue["様式"] == "1")
            {
                var person = residents[targets[0]];
                Assert.Contains(issue["請求者氏名"], new[] { $"{person["氏"]}　{person["名"]}", person["氏名ローマ字"], person["通称"] });
            }
        });
    }

    [Fact]
    public void Proportions_AreThoseOfARealCity()
    {
        var living = Files.Residents.Where(r => r["住民状態"] == "1").ToList();
        var households = living.Select(r => r["世帯番号"]).Distinct().Count();
        Assert.InRange((double)living.Count / households, 2.05, 2.4); // 令和2年国勢調査: 2.21 persons per household
        Assert.InRange(living.Count(r => r["住民種別"] == "2") / (double)living.Count, 0.015, 0.025);
        Assert.Equal(["1", "2", "3", "4", "5"], Files.Residents.Select(r => r["外国人住民区分"]).Where(c => c != "").Distinct().Order());
        Assert.InRange(city.Result.RemovedPersons / (double)living.Count, 0.02, 0.045);
        Assert.InRange(Files.Movements.Count / (double)Files.Residents.Count, 1.3, 1.7);
        Assert.InRange(living.Count(r => r["方書"] != "") / (double)living.Count, 0.25, 0.35);
        Assert.InRange(Files.CertificateIssues.Count / (double)living.Count, 0.04, 0.06);
        Assert.InRange(Files.Restrictions.Count, 3, 25);
        var singles = living.GroupBy(r => r["世帯番号"]).Count(h => h.Count() == 1);
        Assert.InRange(singles / (double)households, 0.33, 0.45); // 単独世帯 38% (令和2年国勢調査)
        // 外字: about 0.5% of the persons carry a name CP932 cannot hold (𠮷, 𡈽); the variants 髙・﨑 appear too.
        var gaiji = Files.Residents.Count(r => r["氏"].Any(char.IsSurrogate));
        Assert.InRange(gaiji / (double)Files.Residents.Count, 0.003, 0.008);
        Assert.Contains(Files.Residents, r => r["氏"].Contains('髙') || r["氏"].Contains('﨑'));
        var codes = Files.Movements.Select(m => m["異動事由"]).ToHashSet();
        Assert.Superset(new HashSet<string> { "101", "105", "106", "110", "201", "210", "301", "313" }, codes);
        Assert.Superset(new HashSet<string> { "00", "11", "12", "20", "31", "32", "2012", "2020", "90", "91" }, Files.Residents.Select(r => r["続柄"]).ToHashSet());
    }

    private static void AssertAscending(IReadOnlyList<MigrationRow> rows, Func<MigrationRow, string> key)
    {
        for (var i = 1; i < rows.Count; i++)
            Assert.True(string.CompareOrdinal(key(rows[i - 1]), key(rows[i])) < 0, $"row {i + 1}: {key(rows[i - 1])} then {key(rows[i])}");
    }
}
