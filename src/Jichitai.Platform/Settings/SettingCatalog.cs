using System.Globalization;

namespace Jichitai.Platform.Settings;

public enum SettingType { Text, Integer, Boolean, Date, Image }

/// <summary>A setting the standard lets a municipality choose, with the product's standard default.</summary>
public sealed record SettingDefinition(string Key, string Label, SettingType Type, string Default, string Description, int Min = 0, int Max = int.MaxValue, int MaxLength = 100,
    IReadOnlyList<string>? Choices = null)
{
    /// <summary>Returns the canonical text of a valid value, or a Japanese reason.</summary>
    public (string? Value, string? Error) Validate(string? raw)
    {
        raw = raw?.Trim() ?? "";
        switch (Type)
        {
            case SettingType.Integer:
                if (!int.TryParse(raw, NumberStyles.None, CultureInfo.InvariantCulture, out var n))
                    return (null, $"{Label}は半角数字で入力してください。");
                if (n < Min || n > Max) return (null, $"{Label}は{Min}〜{Max}の範囲で入力してください。");
                return (n.ToString(CultureInfo.InvariantCulture), null);
            case SettingType.Boolean:
                return raw.ToLowerInvariant() switch
                {
                    "true" or "on" or "1" or "する" or "有効" => ("true", null),
                    "false" or "off" or "0" or "しない" or "無効" => ("false", null),
                    _ => (null, $"{Label}は「有効」または「無効」を指定してください。"),
                };
            case SettingType.Date:
                if (raw.Length == 0) return ("", null);
                return DateOnly.TryParseExact(raw, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)
                    ? (d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), null)
                    : (null, $"{Label}は YYYY-MM-DD の形式で入力してください。");
            case SettingType.Image:
                if (raw.Length == 0) return ("", null);
                if (raw.Length > MaxLength) return (null, $"{Label}の画像が大きすぎます({MaxLength / 1370}KB以内のPNG)。");
                try
                {
                    var bytes = Convert.FromBase64String(raw);
                    if (bytes.Length < 8 || bytes[0] != 0x89 || bytes[1] != 0x50 || bytes[2] != 0x4E || bytes[3] != 0x47)
                        return (null, $"{Label}はPNG画像を指定してください。");
                    return (raw, null);
                }
                catch (FormatException) { return (null, $"{Label}はPNG画像(Base64)を指定してください。"); }
            default:
                if (Choices is not null && !Choices.Contains(raw)) return (null, $"{Label}は「{string.Join("」「", Choices)}」のいずれかを指定してください。");
                if (raw.Length > MaxLength) return (null, $"{Label}は{MaxLength}文字以内で入力してください。");
                return (raw, null);
        }
    }
}

/// <summary>
/// The standard defaults that ship with the product. A tenant's difference from these is configuration
/// (visible in the differences report), never code.
/// </summary>
public static class SettingCatalog
{
    public static readonly IReadOnlyList<SettingDefinition> All =
    [
        new("municipality.mayorTitle", "首長の職名", SettingType.Text, "市長", "証明書の認証者として印字する職名(例: 市長、区長、町長、村長)", MaxLength: 20),
        new("municipality.mayorName", "首長の氏名", SettingType.Text, "", "証明書の認証者として印字する氏名", MaxLength: 40),
        new("municipality.deputyTitle", "職務代理者の職名", SettingType.Text, "副市長", "職務代理者の期間に証明書の認証者として印字する職名(標準仕様書 1.3.9)", MaxLength: 20),
        new("municipality.deputyName", "職務代理者の氏名", SettingType.Text, "", "職務代理者の氏名(標準仕様書 1.3.9)", MaxLength: 40),
        new("municipality.deputyFrom", "職務代理者の期間(開始日)", SettingType.Date, "", "この日から終了日まで、認証者が職務代理者に自動で切り替わります(YYYY-MM-DD、標準仕様書 1.3.9)"),
        new("municipality.deputyUntil", "職務代理者の期間(終了日)", SettingType.Date, "", "職務代理者の期間の最終日(YYYY-MM-DD)"),
        new("municipality.sealImage", "電子公印(首長)", SettingType.Image, "", "証明書に印字する首長の公印(黒色、PNG、25mm角まで。未設定なら職名入りの角印を描画; 標準仕様書 1.3.7, 5.6)", MaxLength: 400_000),
        new("municipality.deputySealImage", "電子公印(職務代理者)", SettingType.Image, "", "職務代理者の期間に印字する公印(PNG)", MaxLength: 400_000),
        new("municipality.sealNote", "公印の固定文言", SettingType.Text, "", "公印の近くに印字する文言(例: この印は黒色です、公印省略; 標準仕様書 5.6)", MaxLength: 40),
        new("municipality.departmentName", "担当課の名称", SettingType.Text, "市民課", "通知書・証明書に印字する担当課", MaxLength: 40),
        new("municipality.officeAddress", "庁舎の所在地", SettingType.Text, "", "通知書に印字する問い合わせ先の所在地", MaxLength: 100),
        new("municipality.phone", "問い合わせ電話番号", SettingType.Text, "", "通知書に印字する電話番号", MaxLength: 20),
        new("fees.residentRecordCopy", "住民票の写しの手数料(円)", SettingType.Integer, "300", "住民票の写し1通の交付手数料(手数料条例)", 0, 10000),
        new("fees.residentRecordItemCertificate", "住民票記載事項証明書の手数料(円)", SettingType.Integer, "300", "住民票記載事項証明書1通の手数料(手数料条例)", 0, 10000),
        new("fees.removedRecordCopy", "除票の写しの手数料(円)", SettingType.Integer, "300", "除票の写し1通の交付手数料(手数料条例)", 0, 10000),
        new("fees.moveOutCertificate", "転出証明書の手数料(円)", SettingType.Integer, "0", "転出証明書・転出証明書に準ずる証明書1通の手数料(多くの団体は無料)", 0, 10000),
        new("certificates.printKana", "証明書のフリガナ", SettingType.Boolean, "false", "氏名・旧氏・通称の後に括弧書きでフリガナを記載する(標準仕様書 5.3)"),
        new("certificates.overflow", "証明書の文字溢れ", SettingType.Text, "全体", "枠に収まらない項目の出力: 全体(最小の文字で全文)、限界まで(枠で切る)、空白(標準仕様書 5.8)。いずれも文字超過リストに表示",
            Choices: ["全体", "限界まで", "空白"]),
        new("registry.requireApproval", "異動の審査・決裁(仮登録・本登録)", SettingType.Boolean, "false", "有効にすると、異動は仮登録され、入力者と別の職員の本登録で住民票に記載されます(標準仕様書 4.0.8)"),
        new("registry.restrictionReleaseMinutes", "抑止の一時解除の時間(分)", SettingType.Integer, "30", "一時解除した抑止が自動で元に戻るまでの時間(標準仕様書 3.1)", 1, 480),
        new("registry.moveOutUnconfirmedDays", "転入通知未着の確認日数", SettingType.Integer, "30", "転出後、転入通知が届かない者を一覧に出すまでの日数", 1, 365),
        new("features.onlineApplication", "電子申請の受付", SettingType.Boolean, "false", "標準オプション機能: 住民からのオンライン申請を受け付ける"),
    ];

    private static readonly Dictionary<string, SettingDefinition> ByKey = All.ToDictionary(d => d.Key);

    public static SettingDefinition? Find(string key) => ByKey.GetValueOrDefault(key);
}
