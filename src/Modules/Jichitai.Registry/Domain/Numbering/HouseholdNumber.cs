namespace Jichitai.Registry.Domain.Numbering;

/// <summary>世帯番号: same scheme as <see cref="AddresseeNumber"/> (標準1.1.13), numbered from its own sequence.</summary>
public static class HouseholdNumber
{
    public const int Length = 10;
    public const long MaxSequence = 999_999_999;

    public static string Create(long sequence) => CheckedSequenceNumber.Create(sequence, Length, "世帯番号");

    public static bool IsValid(string? number, out string? error) =>
        CheckedSequenceNumber.IsValid(number, Length, "世帯番号", out error);
}
