namespace Jichitai.Registry.Features.Migration.Files;

/// <summary>One line of the error report (エラー一覧): which file, which line, which column, the value read, and why.</summary>
public sealed record MigrationError(string File, long Line, string Column, string Value, string Reason);
