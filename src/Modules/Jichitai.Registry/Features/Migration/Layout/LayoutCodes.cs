using System.Globalization;
using Jichitai.Registry.Domain.Codes;
using Jichitai.Platform.Dates;
using Jichitai.Registry.Features.Certificates;
using Jichitai.Registry.Features.Restrictions;

namespace Jichitai.Registry.Features.Migration.Layout;

/// <summary>
/// The code lists of the migration layout. Each is taken from the product's own catalog (one source), so a code the
/// registry knows is a code the layout knows. 年号コード follows the 既存住基システム改造仕様書 (1 明治 … 5 令和).
/// </summary>
public static class LayoutCodes
{
    private static string N(int value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>年号コード of a 7-digit 和暦 date (年号コード + YYMMDD); a new era is one more row of <see cref="JapaneseEras.All"/>.</summary>
    public static CodeList Era { get; } = new("年号コード",
        JapaneseEras.All.Select((era, i) => (N(i + 1), era.Name)).ToArray());

    public static CodeList Gender { get; } = new("性別", [("1", "男"), ("2", "女")]);

    public static CodeList ResidentKind { get; } = new("住民種別", [("1", "日本人住民"), ("2", "外国人住民")]);

    public static CodeList ResidentStatus { get; } = new("住民状態", [("1", "住民"), ("2", "消除(除票)"), ("3", "取消")]);

    public static CodeList Relationship { get; } = new("続柄",
        [("00", "世帯主"), ("90", "縁故者"), ("91", "同居人"),
         .. RelationshipCatalog.Terms.Select(t => (N((int)t), RelationshipCatalog.Label(t)))],
        "世帯主・縁故者・同居人以外は、世帯主から見た続柄を1世代2桁で最大4世代まで並べる(例: 20=子、2020=子の子、2012=子の妻)。",
        code => RelationshipCatalog.TryFromCode(code, out _));

    public static CodeList MovementReason { get; } = new("異動事由",
        MovementReasons.All.Select(r => (N((int)r.Code), r.Label)).ToArray(),
        "1xx 記載、2xx 消除、3xx 修正。docs/registry/codes.md に根拠条文とともに掲載。");

    public static CodeList RemovalReason { get; } = new("消除事由",
        MovementReasons.All.Where(r => r.Kind == MovementKind.Removal).Select(r => (N((int)r.Code), r.Label)).ToArray());

    public static CodeList ForeignCategory { get; } = new("外国人住民区分",
        Enum.GetValues<ForeignResidentCategory>().Select(c => (N((int)c), c.Label())).ToArray());

    public static CodeList PriorAddressKind { get; } = new("転入区分",
        [("1", "通常の転入"), ("2", "特例転入"), ("3", "未届転入"), ("4", "国外からの転入"), ("5", "帰還")]);

    public static CodeList RestrictionTarget { get; } = new("対象区分", [("1", "個人(宛名番号)"), ("2", "世帯(世帯番号)")]);

    public static CodeList RestrictionKind { get; } = new("抑止種別",
        [(N((int)Restrictions.RestrictionKind.SupportMeasure), "支援措置"),
         (N((int)Restrictions.RestrictionKind.ProvisionalSupportMeasure), "仮支援措置"),
         (N((int)Restrictions.RestrictionKind.Other), "その他の抑止")]);

    public static CodeList RestrictionLevel { get; } = new("抑止レベル",
        [(N((int)Restrictions.RestrictionLevel.None), "なし"), (N((int)Restrictions.RestrictionLevel.Alert), "アラート"),
         (N((int)Restrictions.RestrictionLevel.Error), "エラー")]);

    public static CodeList CertificateKind { get; } = new("証明書種別",
        Enum.GetValues<Certificates.CertificateKind>().Select(k => (N((int)k), CertificateNames.Kind(k))).ToArray());

    public static CodeList CertificateLayout { get; } = new("様式", [("1", "個人票"), ("2", "世帯連記式")]);

    public static CodeList RequesterType { get; } = new("請求者区分",
        [(N((int)Certificates.RequesterType.Self), "本人等(住基法12条)"), (N((int)Certificates.RequesterType.Official), "公用(12条の2)"),
         (N((int)Certificates.RequesterType.ThirdParty), "第三者(12条の3)")]);

    public static CodeList Flag { get; } = new("フラグ", [("0", "いいえ"), ("1", "はい")]);
}
