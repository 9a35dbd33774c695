namespace Jichitai.Registry.Domain.Numbering;

/// <summary>
/// 宛名番号: 9-digit sequence + <see cref="Modulus11"/> check digit. The standard fixes no length; 10 digits
/// fit any municipality and, left-padded with zeros, a 15-digit interface field without changing the check digit.
/// Numbers migrated from an earlier system need not follow this rule (標準1.1.13: 付番済み番号の再付番は不要).
/// </summary>
public static class AddresseeNumber
{
    public const int Length = 10;
    public const long MaxSequence = 999_999_999;

    public static string Create(long sequence) => CheckedSequenceNumber.Create(sequence, Length, "宛名番号");

    public static bool IsValid(string? number, out string? error) =>
        CheckedSequenceNumber.IsValid(number, Length, "宛名番号", out error);
}
