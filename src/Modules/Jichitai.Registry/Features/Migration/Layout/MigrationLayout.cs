using static Jichitai.Registry.Features.Migration.Layout.ColumnType;

namespace Jichitai.Registry.Features.Migration.Layout;

/// <summary>
/// The migration layout (標準10.6 中間標準レイアウト仕様での出力, 10.8 CSV取込): five CSV files with a header row of item names.
/// Item names, types and lengths follow the public descriptions of the 中間標準レイアウト仕様(住民基本台帳); the code lists are
/// <see cref="LayoutCodes"/>. docs/migration-layout.md is written from this class (<c>jichitai migrate layout</c>), never by hand.
/// </summary>
public static class MigrationLayout
{
    /// <summary>Written into docs and checked by nothing else: a file set carries no version column of its own.</summary>
    public const string Version = "JC-MIG 1.0";

    public static LayoutFile Households { get; } = new("households.csv", "世帯", "世帯番号の昇順",
        "世帯ごとに1行。世帯員は residents.csv の世帯番号で結び付く。世帯主は世帯員のうち続柄が世帯主(00)の住民。",
    [
        new("世帯番号", Digits, 15, true, "団体内で一意の世帯番号。", "0000001236"),
        new("世帯設定年月日", Date, 8, true, "世帯ができた日。", "20150401"),
    ]);

    public static LayoutFile Residents { get; } = new("residents.csv", "住民(個人)", "宛名番号の昇順",
        "住民票1件(除票を含む)ごとに1行。現在の記載事項。",
    [
        new("宛名番号", Digits, 15, true, "団体内で一意の個人番号(宛名番号)。移行元の番号をそのまま使う(標準1.1.13)。", "0000012349"),
        new("住民票コード", Digits, 11, false, "11桁。", "12345678901"),
        new("個人番号", Digits, 12, false, "12桁。末尾はチェックデジット(番号法施行令8条)。", "123456789018"),
        new("住民種別", Code, 1, true, "", "1", LayoutCodes.ResidentKind),
        new("住民状態", Code, 1, true, "", "1", LayoutCodes.ResidentStatus),
        new("世帯番号", Digits, 15, true, "households.csv にある世帯番号。", "0000001236"),
        new("続柄", Code, 8, true, "世帯主との続柄。", "12", LayoutCodes.Relationship),
        new("世帯内順位", Number, 3, true, "世帯の中での記載順(1から)。", "2"),
        new("氏", Text, 50, false, "日本人住民は必須。外国人住民は漢字氏名がある場合。", "山田"),
        new("名", Text, 50, false, "", "花子"),
        new("氏カナ", Kana, 50, false, "", "ヤマダ"),
        new("名カナ", Kana, 50, false, "", "ハナコ"),
        new("フリガナ確認", Flag, 1, true, "本人がフリガナを確認済み(標準1.1.18)。", "0", LayoutCodes.Flag),
        new("旧氏", Text, 50, false, "", "佐藤"),
        new("旧氏カナ", Kana, 50, false, "", "サトウ"),
        new("生年月日", Date, 8, true, "", "19800415"),
        new("性別", Code, 1, true, "", "2", LayoutCodes.Gender),
        new("本籍", Text, 200, false, "日本人住民のみ。", "東京都デモ市本町一丁目1番地"),
        new("筆頭者", Text, 50, false, "日本人住民のみ。", "山田　太郎"),
        new("住民となった年月日", Date, 8, true, "", "20100401"),
        new("郵便番号", Text, 8, false, "7桁の数字(ハイフン付きも可。移行元の表記のまま)。", "100-0001"),
        new("住所コード", Digits, 11, false, "住所辞書のコード。", ""),
        new("町字", Text, 100, true, "都道府県・市区町村名を除く。", "本町一丁目"),
        new("番地", Text, 50, false, "", "1番2号"),
        new("方書", Text, 100, false, "", "デモハイツ101"),
        new("住所を定めた年月日", Date, 8, true, "", "20100401"),
        new("住所届出年月日", Date, 8, false, "", "20100405"),
        new("転入前住所", Text, 200, false, "", "大阪府大阪市北区梅田一丁目1番"),
        new("転入区分", Code, 1, false, "転入前住所がある場合。", "1", LayoutCodes.PriorAddressKind),
        new("転入前世帯主", Text, 50, false, "", ""),
        new("転出予定年月日", Date, 8, false, "転出届が出ている場合。", ""),
        new("転出先住所", Text, 200, false, "", ""),
        new("転出先国外", Flag, 1, true, "", "0", LayoutCodes.Flag),
        new("転出確定年月日", Date, 8, false, "転入通知で確定した日。", ""),
        new("消除年月日", Date, 8, false, "住民状態が消除のとき必須。", ""),
        new("消除事由", Code, 3, false, "住民状態が消除のとき必須。", "", LayoutCodes.RemovalReason),
        new("改製年月日", Date, 8, false, "", ""),
        new("選挙人名簿登録", Flag, 1, true, "", "1", LayoutCodes.Flag),
        new("氏名ローマ字", Text, 100, false, "外国人住民は必須。", ""),
        new("通称", Text, 50, false, "", ""),
        new("通称カナ", Kana, 50, false, "", ""),
        new("国籍・地域", Text, 50, false, "外国人住民は必須。", ""),
        new("外国人住民区分", Code, 1, false, "外国人住民は必須(住基法30条の45)。", "", LayoutCodes.ForeignCategory),
        new("在留資格", Text, 50, false, "", ""),
        new("在留期間", Text, 20, false, "", ""),
        new("在留期間満了日", Date, 8, false, "", ""),
        new("在留カード等番号", Text, 12, false, "", ""),
        new("国民健康保険", Text, 20, false, "資格の記載(住基法7条10号)。", ""),
        new("後期高齢者医療", Text, 20, false, "", ""),
        new("介護保険", Text, 20, false, "", ""),
        new("国民年金", Text, 20, false, "", ""),
        new("児童手当", Text, 20, false, "", ""),
    ]);

    public static LayoutFile Movements { get; } = new("movements.csv", "異動履歴", "宛名番号の昇順、同じ宛名番号の中は連番の昇順",
        "住民ごとの異動を古い順に1行ずつ。異動後の世帯・続柄・住所を持ち、最後の行は residents.csv の現在の記載と一致すること。",
    [
        new("宛名番号", Digits, 15, true, "residents.csv にある宛名番号。", "0000012349"),
        new("連番", Number, 5, true, "住民ごとに1から始まる通番。", "1"),
        new("異動事由", Code, 3, true, "最初の行は記載(1xx)。", "101", LayoutCodes.MovementReason),
        new("異動年月日", Date, 8, true, "前の行の異動年月日より前にはならない。", "20100401"),
        new("届出年月日", Date, 8, true, "", "20100405"),
        new("処理日時", ColumnType.DateTime, 19, true, "日本時間。", "2010-04-05 10:15:00"),
        new("処理者", Text, 50, false, "", "移行"),
        new("異動後住民状態", Code, 1, true, "この異動の後のこの人の住民状態。世帯員の死亡で世帯主が変わる人のように、異動事由が消除でもこの人は住民のままのことがある。", "1", LayoutCodes.ResidentStatus),
        new("異動後世帯番号", Digits, 15, true, "", "0000001236"),
        new("異動後続柄", Code, 8, true, "", "12", LayoutCodes.Relationship),
        new("異動後町字", Text, 100, true, "", "本町一丁目"),
        new("異動後番地", Text, 50, false, "", "1番2号"),
        new("異動後方書", Text, 100, false, "", ""),
        new("届出期間経過", Flag, 1, true, "14日を過ぎた届出。", "0", LayoutCodes.Flag),
        new("摘要", Text, 200, false, "", "転入"),
    ]);

    public static LayoutFile Restrictions { get; } = new("restrictions.csv", "支援措置・抑止", "対象区分、対象番号、開始年月日の昇順",
        "支援措置(標準3.4)と発行抑止等(3.1)。処理ごとのレベル(0なし/1アラート/2エラー)を持つ。",
    [
        new("対象区分", Code, 1, true, "", "1", LayoutCodes.RestrictionTarget),
        new("対象番号", Digits, 15, true, "対象区分が1なら宛名番号、2なら世帯番号。", "0000012349"),
        new("種別", Code, 1, true, "", "1", LayoutCodes.RestrictionKind),
        new("異動", Code, 1, true, "異動入力の抑止レベル。", "1", LayoutCodes.RestrictionLevel),
        new("交付", Code, 1, true, "証明書交付の抑止レベル。", "2", LayoutCodes.RestrictionLevel),
        new("照会", Code, 1, true, "照会の抑止レベル。", "1", LayoutCodes.RestrictionLevel),
        new("開始年月日", Date, 8, true, "", "20260401"),
        new("終了予定年月日", Date, 8, false, "", "20270331"),
        new("終了年月日", Date, 8, false, "終了の処理をした日。", ""),
        new("終了事由", Text, 200, false, "", ""),
        new("理由", Text, 200, true, "", "DV等支援措置申出"),
        new("転出後継続", Flag, 1, true, "転出後も前住所地として継続する仮支援措置。", "0", LayoutCodes.Flag),
        new("延長回数", Number, 3, true, "", "0"),
        new("登録者", Text, 50, true, "", "移行"),
        new("登録日時", ColumnType.DateTime, 19, true, "", "2026-04-01 09:00:00"),
    ]);

    public static LayoutFile CertificateIssues { get; } = new("certificate_issues.csv", "交付履歴", "交付日時、発行番号の昇順",
        "証明書の交付1件ごとに1行(標準1.3.8)。移行した交付履歴は照会できるが、再交付はできない(交付した内容を持たないため)。",
    [
        new("発行番号", Text, 40, true, "団体内で一意。", "20260401 デモ市 001"),
        new("交付日時", ColumnType.DateTime, 19, true, "", "2026-04-01 10:00:00"),
        new("証明書種別", Code, 1, true, "", "1", LayoutCodes.CertificateKind),
        new("様式", Code, 1, true, "", "1", LayoutCodes.CertificateLayout),
        new("請求者区分", Code, 1, true, "", "1", LayoutCodes.RequesterType),
        new("請求者氏名", Text, 100, true, "", "山田　花子"),
        new("請求者住所", Text, 200, false, "", ""),
        new("利用目的", Text, 200, false, "", ""),
        new("請求機関", Text, 100, false, "公用請求の機関。", ""),
        new("手数料", Number, 6, true, "円。", "300"),
        new("枚数", Number, 3, true, "", "1"),
        new("交付者", Text, 50, true, "", "窓口　一郎"),
        new("交付場所", Text, 100, false, "", "本庁市民課"),
        new("対象者宛名番号", Text, 200, true, "記載した住民の宛名番号。複数は半角スペース区切り。", "0000012349"),
        new("処分日時", ColumnType.DateTime, 19, false, "誤交付で処分した日時。", ""),
        new("処分者", Text, 50, false, "", ""),
        new("処分理由", Text, 200, false, "", ""),
    ]);

    /// <summary>In load order: households before their members, residents before their history, restrictions and issues last.</summary>
    public static IReadOnlyList<LayoutFile> Files { get; } = [Households, Residents, Movements, Restrictions, CertificateIssues];
}
