using System.Text.Encodings.Web;
using Jichitai.Platform.Logging;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Console;

namespace Jichitai.Platform.Tests.Logging;

/// <summary>Tests that redirect <see cref="Console.Out"/>; they must not run alongside anything else that writes to the console.</summary>
[CollectionDefinition(nameof(ConsoleOutputCollection), DisableParallelization = true)]
public sealed class ConsoleOutputCollection;

/// <summary>End to end through Microsoft's Console provider, registered after AddPersonalDataRedaction as hosts do.</summary>
[Collection(nameof(ConsoleOutputCollection))]
public sealed class ConsoleProviderTests
{
    private const string Name = "山田太郎";
    private const string Address = "東京都千代田区千代田1-1";
    private const string MyNumber = "123456789018";

    [Fact]
    public void Simple_console_output_has_no_personal_data()
    {
        string output = CaptureConsole(b => b.AddSimpleConsole(o =>
        {
            o.ColorBehavior = LoggerColorBehavior.Disabled;
            o.IncludeScopes = true;
        }));

        Assert.Contains("resident [REDACTED] at [REDACTED]", output);
        Assert.Contains("Resident  registered in 25 rows", output);
        Assert.Contains("個人番号 [REDACTED:MYNUMBER] を照会", output);
        Assert.Contains("=> tenant 131016 => resident [REDACTED]", output);
        Assert.Contains("System.InvalidOperationException: 個人番号 [REDACTED:MYNUMBER] は登録済みです", output);
        Assert.Contains("processed 25 rows in 3 ms", output);
        AssertNoPersonalData(output);
    }

    [Fact]
    public void Json_console_output_has_no_personal_data()
    {
        string output = CaptureConsole(b => b.AddJsonConsole(o =>
        {
            o.IncludeScopes = true;
            o.JsonWriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
        }));

        Assert.Contains("\"ResidentName\":\"[REDACTED]\"", output);
        Assert.Contains("\"Address\":\"[REDACTED]\"", output);
        Assert.Contains("\"residentName\":\"\"", output);
        Assert.Contains("\"TenantCode\":\"131016\"", output);
        Assert.Contains("processed 25 rows in 3 ms", output);
        AssertNoPersonalData(output);
    }

    private static void AssertNoPersonalData(string output)
    {
        Assert.DoesNotContain(Name, output);
        Assert.DoesNotContain("千代田", output);
        Assert.DoesNotContain(MyNumber, output);
    }

    private static string CaptureConsole(Action<ILoggingBuilder> addConsole)
    {
        TextWriter original = Console.Out;
        var output = new StringWriter();
        Console.SetOut(output);
        try
        {
            var services = new ServiceCollection();
            services.AddLogging(b =>
            {
                b.AddPersonalDataRedaction();
                addConsole(b);
            });
            using (ServiceProvider provider = services.BuildServiceProvider())
            {
                ILogger logger = provider.GetRequiredService<ILoggerFactory>().CreateLogger("Residents");
                using (logger.BeginScope("tenant {TenantCode}", "131016"))
                using (logger.BeginScope("resident {ResidentName}", Name))
                {
                    logger.LogInformation("resident {ResidentName} at {Address}", Name, Address);
                    ResidentLog.ResidentRegistered(logger, Name, 25);
                    logger.LogWarning("個人番号 123456789018 を照会");
                    logger.LogError(new InvalidOperationException("個人番号 123456789018 は登録済みです"), "registration failed");
                    logger.LogInformation("processed {Rows} rows in {Elapsed} ms", 25, 3);
                }
            }

            // Disposing the provider drained the console logger's queue.
            return output.ToString();
        }
        finally
        {
            Console.SetOut(original);
        }
    }
}
