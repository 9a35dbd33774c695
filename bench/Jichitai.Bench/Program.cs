using System.CommandLine;
using Jichitai.Bench;

var root = new RootCommand("JichitaiCloud benchmarks (console, not tests). Run in Release: dotnet run -c Release --project bench/Jichitai.Bench -- audit")
{
    AuditBenchCommand.Build(),
    RegistrySearchCommand.Build(),
    DocumentsBenchCommand.Build(),
    CertificateIssuanceCommand.Build(),
    FormsCommand.Build(),
    MigrationCommand.Build(),
    LinkageCommand.Build(),
    CareCommand.Build(),
};
return await root.Parse(args).InvokeAsync();
