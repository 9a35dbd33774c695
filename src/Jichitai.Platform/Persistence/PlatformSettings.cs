namespace Jichitai.Platform.Persistence;

/// <summary>Where the platform keeps its database and its keys. Resolved once at start-up (server or CLI).</summary>
public sealed record PlatformSettings(DatabaseLocation Database, string KeyDirectory)
{
    public const string KeysEnvironmentVariable = "JICHITAI_KEYS";

    public string CheckpointKeyFile => Path.Combine(KeyDirectory, "audit-checkpoint.key");
    public string DataProtectionDirectory => Path.Combine(KeyDirectory, "data-protection");
    public string PersonalDataKeyFile => Path.Combine(KeyDirectory, "personal-data.key");

    public static PlatformSettings Resolve(string? databaseOption, string? keysOption, string workingDirectory)
    {
        var database = DatabaseLocation.Resolve(databaseOption, Environment.GetEnvironmentVariable(DatabaseLocation.EnvironmentVariable), workingDirectory);
        var keys = !string.IsNullOrWhiteSpace(keysOption) ? keysOption
            : Environment.GetEnvironmentVariable(KeysEnvironmentVariable) is { Length: > 0 } env ? env
            : Path.Combine("data", "keys");
        return new PlatformSettings(database, Path.GetFullPath(keys, workingDirectory));
    }
}
