using System.CommandLine;

namespace Jichitai.Cli;

/// <summary>What every command shares: the global options and the run's input and output.</summary>
internal sealed class CliEnvironment(CliIO io)
{
    public CliIO IO { get; } = io;

    public Option<string> Database { get; } = new("--database")
    {
        Description = "データベース: SQLiteファイルのパス、またはPostgreSQL接続文字列(Host=...)。省略時は環境変数 JICHITAI_DATABASE、なければ ./data/jichitai.db / Database: SQLite file path or PostgreSQL connection string (default: $JICHITAI_DATABASE, else ./data/jichitai.db)",
        Recursive = true,
    };

    public Option<string> Keys { get; } = new("--keys")
    {
        Description = "鍵ディレクトリ(監査チェックポイントの署名鍵など)。省略時は環境変数 JICHITAI_KEYS、なければ ./data/keys / Key directory (audit checkpoint key; default: $JICHITAI_KEYS, else ./data/keys)",
        Recursive = true,
    };
}
