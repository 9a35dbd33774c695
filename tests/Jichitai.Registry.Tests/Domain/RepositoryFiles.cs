namespace Jichitai.Registry.Tests.Domain;

/// <summary>Finds files of the repository (docs) from the test's output folder.</summary>
internal static class RepositoryFiles
{
    public static string Read(string relativePath)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, relativePath);
            if (File.Exists(candidate)) return File.ReadAllText(candidate);
        }
        throw new FileNotFoundException($"{relativePath} not found above {AppContext.BaseDirectory}");
    }

    /// <summary>The text from a heading line to the next heading of any level.</summary>
    public static string Section(string markdown, string heading)
    {
        var start = markdown.IndexOf(heading + "\n", StringComparison.Ordinal);
        if (start < 0) throw new InvalidOperationException($"heading '{heading}' not found");
        var end = markdown.IndexOf("\n#", start + heading.Length, StringComparison.Ordinal);
        return end < 0 ? markdown[start..] : markdown[start..end];
    }

    /// <summary>The cells of every markdown table row, trimmed.</summary>
    public static IEnumerable<string[]> TableRows(string markdown) =>
        markdown.Split('\n')
            .Select(line => line.Trim())
            .Where(line => line.StartsWith('|') && !line.StartsWith("|-") && !line.StartsWith("| -"))
            .Select(line => line.Trim('|').Split('|').Select(cell => cell.Trim()).ToArray());
}
