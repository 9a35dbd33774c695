namespace Jichitai.Cli;

public static class ExitCodes
{
    public const int Ok = 0;
    /// <summary>The command ran and found a problem (e.g. a broken audit chain). Parse errors also exit 1.</summary>
    public const int Failed = 1;
    /// <summary>A rule of the platform refused the request (DomainException).</summary>
    public const int Refused = 2;
    /// <summary>The database cannot be reached, does not exist or is not migrated.</summary>
    public const int DatabaseUnavailable = 3;
    public const int Cancelled = 130;
}
