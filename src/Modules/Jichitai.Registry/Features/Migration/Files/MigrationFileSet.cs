using System.Security.Cryptography;
using Jichitai.Registry.Features.Migration.Layout;

namespace Jichitai.Registry.Features.Migration.Files;

/// <summary>The five files of one migration in a directory. A missing file is an error (an empty table is a header line).</summary>
public sealed class MigrationFileSet
{
    private MigrationFileSet(string directory) => Directory = directory;

    public string Directory { get; }

    public long TotalBytes => MigrationLayout.Files.Sum(f => new FileInfo(PathOf(f)).Length);

    public string PathOf(LayoutFile file) => Path.Combine(Directory, file.FileName);

    public static MigrationFileSet? Open(string directory, List<MigrationError> errors)
    {
        if (!System.IO.Directory.Exists(directory))
        {
            errors.Add(new("", 0, "", directory, "フォルダがありません"));
            return null;
        }
        var set = new MigrationFileSet(directory);
        foreach (var file in MigrationLayout.Files)
            if (!File.Exists(set.PathOf(file))) errors.Add(new(file.FileName, 0, "", "", $"ファイル {file.FileName}({file.Title})がありません(データがない場合も見出し行だけのファイルが必要です)"));
        return errors.Count == 0 ? set : null;
    }

    /// <summary>SHA-256 over each file's name and bytes, in layout order: the identity of this migration.</summary>
    public async Task<string> HashAsync(CancellationToken ct)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var buffer = new byte[1 << 20];
        foreach (var file in MigrationLayout.Files)
        {
            hash.AppendData(System.Text.Encoding.UTF8.GetBytes(file.FileName + "\n"));
            await using var stream = File.OpenRead(PathOf(file));
            int read;
            while ((read = await stream.ReadAsync(buffer, ct)) > 0) hash.AppendData(buffer, 0, read);
        }
        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    public FileStream OpenRead(LayoutFile file) =>
        new(PathOf(file), FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
}
