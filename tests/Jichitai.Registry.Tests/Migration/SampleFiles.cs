using Jichitai.Platform.Text;
using Jichitai.Registry.Domain.Numbering;
using Jichitai.Registry.Features.Migration.Files;
using Jichitai.Registry.Features.Migration.Layout;

namespace Jichitai.Registry.Tests.Migration;

/// <summary>
/// A migration file set built row by row for tests: <see cref="Small"/> is a valid little town that a test then breaks in one
/// place; <see cref="Town"/> is a valid one of any size. Rows are column-name → value, so a test names what it changes.
/// </summary>
public sealed class SampleFiles
{
    public Dictionary<LayoutFile, List<Dictionary<string, string>>> Rows { get; } =
        MigrationLayout.Files.ToDictionary(f => f, _ => new List<Dictionary<string, string>>());

    public List<Dictionary<string, string>> this[LayoutFile file] => Rows[file];

    public static string Addressee(int n) => AddresseeNumber.Create(n);
    public static string Household(int n) => HouseholdNumber.Create(n);
    public static string PersonalNumberOf(int n)
    {
        var first = (100_000_000_00L + n).ToString("D11");
        return first + PersonalNumber.CheckDigit(first);
    }

    /// <summary>
    /// 世帯1: 山田太郎 (世帯主), 花子 (妻), 一郎 (子, 転居 in the history); 世帯2: Nguyen Van An (外国人住民, 世帯主) with a
    /// 支援措置; 世帯1 also had 山田次郎, who died (除票). One 交付履歴.
    /// </summary>
    public static SampleFiles Small()
    {
        var s = new SampleFiles();
        s.AddHousehold(1, "20100401");
        s.AddHousehold(2, "20200701");
        s.AddPerson(1, 1, "00", 1, "山田", "太郎", "ヤマダ", "タロウ", "19700415", "1");
        s.AddPerson(2, 1, "12", 2, "山田", "花子", "ヤマダ", "ハナコ", "19720820", "2");
        s.AddPerson(3, 1, "20", 3, "山田", "一郎", "ヤマダ", "イチロウ", "20000105", "1", relocate: true);
        s.AddPerson(4, 1, "31", 4, "山田", "次郎", "ヤマダ", "ジロウ", "19400303", "1", diedOn: "20250110");
        s.AddPerson(5, 2, "00", 1, "", "", "", "", "19950612", "1", foreign: true);
        s[MigrationLayout.Restrictions].Add(new()
        {
            ["対象区分"] = "1", ["対象番号"] = Addressee(5), ["種別"] = "1", ["異動"] = "1", ["交付"] = "2", ["照会"] = "1",
            ["開始年月日"] = "20260401", ["終了予定年月日"] = "20270331", ["理由"] = "DV等支援措置申出", ["転出後継続"] = "0", ["延長回数"] = "0",
            ["登録者"] = "移行", ["登録日時"] = "2026-04-01 09:00:00",
        });
        s[MigrationLayout.CertificateIssues].Add(new()
        {
            ["発行番号"] = "20260401 テスト区 001", ["交付日時"] = "2026-04-01 10:00:00", ["証明書種別"] = "1", ["様式"] = "2", ["請求者区分"] = "1",
            ["請求者氏名"] = "山田　太郎", ["手数料"] = "300", ["枚数"] = "1", ["交付者"] = "窓口　一郎", ["対象者宛名番号"] = $"{Addressee(1)} {Addressee(2)}",
        });
        return s;
    }

    /// <summary>A valid town of <paramref name="households"/> households of 1–4 people (deterministic), about 2.5 rows per person.</summary>
    public static SampleFiles Town(int households)
    {
        var s = new SampleFiles();
        var person = 0;
        for (var h = 1; h <= households; h++)
        {
            s.AddHousehold(h, "20150401");
            var size = 1 + h % 4;
            for (var m = 1; m <= size; m++)
            {
                person++;
                var (rel, gender, given, kana) = m switch
                {
                    1 => ("00", "1", "太郎", "タロウ"),
                    2 => ("12", "2", "花子", "ハナコ"),
                    _ => ("20", m % 2 == 0 ? "2" : "1", m % 2 == 0 ? "桜" : "翔", m % 2 == 0 ? "サクラ" : "ショウ"),
                };
                s.AddPerson(person, h, rel, m, h % 3 == 0 ? "髙橋" : "佐藤", given, h % 3 == 0 ? "タカハシ" : "サトウ", kana,
                    m <= 2 ? "19800101" : "20100101", gender, relocate: person % 5 == 0);
            }
        }
        return s;
    }

    public void AddHousehold(int n, string createdOn) =>
        this[MigrationLayout.Households].Add(new() { ["世帯番号"] = Household(n), ["世帯設定年月日"] = createdOn });

    public void AddPerson(int n, int household, string relationship, int order, string family, string given, string familyKana,
        string givenKana, string birth, string gender, bool relocate = false, string? diedOn = null, bool foreign = false)
    {
        var moveIn = "20100401";
        var town = relocate ? "本町二丁目" : "本町一丁目";
        var row = new Dictionary<string, string>
        {
            ["宛名番号"] = Addressee(n), ["住民票コード"] = (12_345_000_000L + n).ToString("D11"), ["個人番号"] = PersonalNumberOf(n),
            ["住民種別"] = foreign ? "2" : "1", ["住民状態"] = diedOn is null ? "1" : "2", ["世帯番号"] = Household(household),
            ["続柄"] = relationship, ["世帯内順位"] = order.ToString(), ["氏"] = family, ["名"] = given, ["氏カナ"] = familyKana,
            ["名カナ"] = givenKana, ["フリガナ確認"] = "0", ["生年月日"] = birth, ["性別"] = gender,
            ["本籍"] = foreign ? "" : "東京都テスト区本町一丁目1番地", ["筆頭者"] = foreign ? "" : $"{family}　太郎",
            ["住民となった年月日"] = moveIn, ["郵便番号"] = "1000001", ["町字"] = town, ["番地"] = $"{household}番1号",
            ["住所を定めた年月日"] = relocate ? "20200501" : moveIn, ["住所届出年月日"] = relocate ? "20200510" : "20100405",
            ["転入前住所"] = foreign ? "ベトナム" : "大阪府大阪市北区梅田一丁目1番", ["転入区分"] = foreign ? "4" : "1", ["転出先国外"] = "0",
            ["消除年月日"] = diedOn ?? "", ["消除事由"] = diedOn is null ? "" : "210", ["選挙人名簿登録"] = foreign || diedOn is not null ? "0" : "1",
        };
        if (foreign)
        {
            row["氏名ローマ字"] = "NGUYEN VAN AN"; row["国籍・地域"] = "ベトナム"; row["外国人住民区分"] = "1";
            row["在留資格"] = "技術・人文知識・国際業務"; row["在留期間"] = "3年"; row["在留期間満了日"] = "20280611"; row["在留カード等番号"] = "AB12345678CD";
        }
        this[MigrationLayout.Residents].Add(row);
        var seq = 0;
        void Line(string reason, string date, string notified, string status, string lineTown) => this[MigrationLayout.Movements].Add(new()
        {
            ["宛名番号"] = Addressee(n), ["連番"] = (++seq).ToString(), ["異動事由"] = reason, ["異動年月日"] = date, ["届出年月日"] = notified,
            ["処理日時"] = $"{notified[..4]}-{notified[4..6]}-{notified[6..]} 10:00:00", ["処理者"] = "移行", ["異動後住民状態"] = status,
            ["異動後世帯番号"] = Household(household), ["異動後続柄"] = relationship, ["異動後町字"] = lineTown, ["異動後番地"] = $"{household}番1号",
            ["届出期間経過"] = "0", ["摘要"] = "",
        });
        Line(foreign ? "106" : "101", moveIn, "20100405", "1", "本町一丁目");
        if (relocate) Line("301", "20200501", "20200510", "1", town);
        if (diedOn is not null) Line("210", diedOn, diedOn, "2", town);
    }

    public async Task WriteAsync(string directory, StrictEncoding? encoding = null)
    {
        Directory.CreateDirectory(directory);
        var errors = new List<MigrationError>();
        foreach (var (file, rows) in Rows)
        {
            await using var w = new MigrationFileWriter(directory, file, encoding ?? StrictEncoding.Utf8, errors);
            foreach (var row in rows) w.Write(file.Columns.Select(c => row.GetValueOrDefault(c.Name, "")).ToArray());
        }
        if (errors.Count > 0) throw new InvalidOperationException(string.Join("; ", errors));
    }
}
