using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Jichitai.Testing;

/// <summary>
/// A throwaway PostgreSQL server for this test process: initdb into a temp directory, start on a free
/// loopback port, stop and delete at process exit. Missing binaries are a failure, never a skip.
/// </summary>
public sealed class PostgresServer
{
    private static readonly Lazy<PostgresServer> Shared = new(Start, LazyThreadSafetyMode.ExecutionAndPublication);
    public static PostgresServer Instance => Shared.Value;

    private readonly string _bin;
    private readonly string _dir;
    public int Port { get; }

    private PostgresServer(string bin, string dir, int port) { _bin = bin; _dir = dir; Port = port; }

    public string ConnectionString(string database) =>
        $"Host=127.0.0.1;Port={Port};Username=postgres;Database={database};Pooling=true;Timeout=15";

    private static PostgresServer Start()
    {
        var bin = FindBinaries() ?? throw new InvalidOperationException(
            "PostgreSQL server binaries (initdb, pg_ctl) were not found under /usr/lib/postgresql/*/bin. " +
            "Install them (apt-get install postgresql-15) or run ./scripts/test.sh, which does.");
        var dir = Directory.CreateTempSubdirectory("jichitai-pg-").FullName;
        var asRoot = Environment.UserName == "root";
        if (asRoot) Run("chown", ["-R", "postgres:postgres", dir]);
        var port = FreePort();
        Pg(bin, asRoot, "initdb", ["-D", $"{dir}/data", "-U", "postgres", "-A", "trust", "-E", "UTF8", "--locale=C.UTF-8"]);
        Pg(bin, asRoot, "pg_ctl", ["-D", $"{dir}/data", "-l", $"{dir}/log", "-w", "-t", "60", "-o",
            $"-p {port} -k {dir} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=300", "start"]);
        var server = new PostgresServer(bin, dir, port);
        AppDomain.CurrentDomain.ProcessExit += (_, _) => server.Stop(asRoot);
        return server;
    }

    private void Stop(bool asRoot)
    {
        try { Pg(_bin, asRoot, "pg_ctl", ["-D", $"{_dir}/data", "-m", "immediate", "-w", "stop"]); } catch { /* best effort at exit */ }
        try { Directory.Delete(_dir, true); } catch { /* best effort at exit */ }
    }

    private static string? FindBinaries()
    {
        if (!Directory.Exists("/usr/lib/postgresql")) return null;
        return Directory.GetDirectories("/usr/lib/postgresql").OrderByDescending(d => d)
            .Select(d => Path.Combine(d, "bin")).FirstOrDefault(b => File.Exists(Path.Combine(b, "initdb")));
    }

    private static int FreePort()
    {
        using var l = new TcpListener(IPAddress.Loopback, 0);
        l.Start();
        return ((IPEndPoint)l.LocalEndpoint).Port;
    }

    private static void Pg(string bin, bool asRoot, string tool, string[] args)
    {
        var exe = Path.Combine(bin, tool);
        if (asRoot) Run("runuser", ["-u", "postgres", "--", exe, .. args]);
        else Run(exe, args);
    }

    private static void Run(string file, string[] args)
    {
        var psi = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in args) psi.ArgumentList.Add(a);
        using var p = Process.Start(psi)!;
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEnd();
        p.WaitForExit();
        if (p.ExitCode != 0) throw new InvalidOperationException($"{file} {string.Join(' ', args)} failed ({p.ExitCode}): {stderr}{stdout.Result}");
    }
}
