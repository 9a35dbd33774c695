using System.Globalization;

namespace Jichitai.Platform.Settings;

public enum SettingType { Text, Integer, Boolean }

/// <summary>A setting the standard lets a municipality choose, with the product's standard default.</summary>
public sealed record SettingDefinition(string Key, string Label, SettingType Type, string Default, string Description, int Min = 0, int Max = int.MaxValue, int MaxLength = 100)
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
            default:
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
        new("municipality.departmentName", "担当課の名称", SettingType.Text, "市民課", "通知書・証明書に印字する担当課", MaxLength: 40),
        new("municipality.officeAddress", "庁舎の所在地", SettingType.Text, "", "通知書に印字する問い合わせ先の所在地", MaxLength: 100),
        new("municipality.phone", "問い合わせ電話番号", SettingType.Text, "", "通知書に印字する電話番号", MaxLength: 20),
        new("fees.residentRecordCopy", "住民票の写しの手数料(円)", SettingType.Integer, "300", "住民票の写し1通の交付手数料(手数料条例)", 0, 10000),
        new("fees.residentRecordItemCertificate", "住民票記載事項証明書の手数料(円)", SettingType.Integer, "300", "住民票記載事項証明書1通の手数料(手数料条例)", 0, 10000),
        new("fees.removedRecordCopy", "除票の写しの手数料(円)", SettingType.Integer, "300", "除票の写し1通の交付手数料(手数料条例)", 0, 10000),
        new("registry.requireApproval", "異動の審査・決裁(仮登録・本登録)", SettingType.Boolean, "false", "有効にすると、異動は仮登録され、入力者と別の職員の本登録で住民票に記載されます(標準仕様書 4.0.8)"),
        new("registry.restrictionReleaseMinutes", "抑止の一時解除の時間(分)", SettingType.Integer, "30", "一時解除した抑止が自動で元に戻るまでの時間(標準仕様書 3.1)", 1, 480),
        new("registry.moveOutUnconfirmedDays", "転入通知未着の確認日数", SettingType.Integer, "30", "転出後、転入通知が届かない者を一覧に出すまでの日数", 1, 365),
        new("features.onlineApplication", "電子申請の受付", SettingType.Boolean, "false", "標準オプション機能: 住民からのオンライン申請を受け付ける"),
    ];

    private static readonly Dictionary<string, SettingDefinition> ByKey = All.ToDictionary(d => d.Key);

    public static SettingDefinition? Find(string key) => ByKey.GetValueOrDefault(key);
}
