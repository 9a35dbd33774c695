using Jichitai.Platform.Errors;
using Jichitai.Platform.Linkage;

namespace Jichitai.Linkage.Consumers;

/// <summary>Every item any registered source publishes, by key; and the grant rules of data minimisation.</summary>
public sealed class LinkageCatalog
{
    public LinkageCatalog(IEnumerable<ILinkageEventSource> sources)
    {
        Sources = sources.ToList();
        Items = Sources.SelectMany(s => s.Items).DistinctBy(i => i.Key).ToList();
    }

    public IReadOnlyList<ILinkageEventSource> Sources { get; }

    /// <summary>Every item, in catalog order (sources are registered once, at start-up).</summary>
    public IReadOnlyList<LinkageItem> Items { get; }

    public ILinkageEventSource? SourceOf(string eventType) => Sources.FirstOrDefault(s => s.EventType == eventType);

    /// <summary>
    /// Checks a grant and returns it in catalog order. 個人番号 only to マイナンバー利用事務 (番号法19条: providing it
    /// is allowed only where the law lists the use); 支援措置 only to consumers that declared the need.
    /// </summary>
    public IReadOnlyList<string> Validate(IEnumerable<string> requested, bool personalNumberUse, bool needsSupportMeasures)
    {
        var keys = requested.Select(k => k.Trim()).Where(k => k.Length > 0).ToHashSet(StringComparer.Ordinal);
        var unknown = keys.Where(k => Items.All(i => i.Key != k)).ToList();
        if (unknown.Count > 0)
            throw new DomainException("linkage.grant.unknown-item", $"提供項目に存在しない項目があります: {string.Join("、", unknown)}", "items");
        foreach (var item in Items.Where(i => keys.Contains(i.Key)))
        {
            if (item.Protection == LinkageItemProtection.PersonalNumber && !personalNumberUse)
                throw new DomainException("linkage.grant.personal-number", $"{item.Label}はマイナンバー利用事務の連携先にだけ提供できます(番号法19条)。", "items");
            if (item.Protection == LinkageItemProtection.SupportMeasures && !needsSupportMeasures)
                throw new DomainException("linkage.grant.support-measures", $"{item.Label}は支援措置の情報を必要とする連携先にだけ提供できます。「支援措置の情報が必要」を選んでください。", "items");
        }
        return Items.Where(i => keys.Contains(i.Key)).Select(i => i.Key).ToList();
    }
}
