using System.Globalization;
using Jichitai.Linkage.Consumers;
using Jichitai.Linkage.Persistence;
using Jichitai.Platform;
using Jichitai.Platform.Linkage;

namespace Jichitai.Linkage.Pages.Linkage;

/// <summary>How the 連携 pages show times, grants and the kinds an officer may register.</summary>
public static class LinkageDisplay
{
    /// <summary>The kinds an officer registers by hand (庁内モジュール registers itself).</summary>
    public static readonly ConsumerKind[] RegistrableKinds = [ConsumerKind.Pull, ConsumerKind.Webhook, ConsumerKind.File];

    /// <summary>Stored times are UTC; staff read Japan time.</summary>
    public static string Jst(DateTime? utc) =>
        utc is { } t ? JapanTime.FromUtc(t).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture) : "—";

    public static IReadOnlyList<LinkageItem> GrantedItems(ConsumerRow row, LinkageCatalog catalog)
    {
        var keys = GrantedKeys(row);
        return catalog.Items.Where(i => keys.Contains(i.Key)).ToList();
    }

    public static HashSet<string> GrantedKeys(ConsumerRow row) =>
        row.Items.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToHashSet(StringComparer.Ordinal);

    /// <summary>個人番号 and 支援措置 stand out wherever a grant is listed.</summary>
    public static bool IsProtected(LinkageItem item) => item.Protection != LinkageItemProtection.None;

    public static string StateClass(ConsumerState state) => state switch
    {
        ConsumerState.DeadLetter => "state-dead-letter",
        ConsumerState.Paused => "state-paused",
        _ => "state-active",
    };
}

/// <summary>The item checkboxes and the two declarations that unlock protected items, for the register and change forms.</summary>
public sealed record ItemChoicesModel(IReadOnlyList<ILinkageEventSource> Sources, IReadOnlySet<string> Selected, bool PersonalNumberUse, bool NeedsSupportMeasures, string? Error);
