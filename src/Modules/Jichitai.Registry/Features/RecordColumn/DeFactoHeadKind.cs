namespace Jichitai.Registry.Features.RecordColumn;

/// <summary>Why the household's head in fact is not its registered 世帯主 (standard 4.1.4.3 gives these cases).</summary>
public enum DeFactoHeadKind { OutsideTheLaw = 1, FacilityHead = 2, Other = 9 }

public static class DeFactoHeadKinds
{
    public static string Label(this DeFactoHeadKind k) => k switch
    {
        DeFactoHeadKind.OutsideTheLaw => "法適用外の外国人",
        DeFactoHeadKind.FacilityHead => "施設長",
        _ => "その他",
    };

    public static DeFactoHeadKind? Parse(string? text) =>
        Enum.GetValues<DeFactoHeadKind>().Cast<DeFactoHeadKind?>().FirstOrDefault(k => k!.Value.Label() == text?.Trim() || k.Value.ToString() == text?.Trim());
}
