using System.Text.Encodings.Web;
using System.Text.Json;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Console;
using Microsoft.Extensions.Options;

namespace NewsAggregator.Hosting;

/// <summary>
/// Logging the .NET way: the built-in console formatters and their <c>Logging:Console</c>
/// settings, one line per event on the run's log writer (standard error).
/// </summary>
internal static class WorkerLogging
{
    /// <summary>ISO 8601 UTC to the second, as the database writes times; every separator quoted so no culture changes it.</summary>
    public const string TimestampFormat = "yyyy'-'MM'-'dd'T'HH':'mm':'ss'Z'";

    public static ILoggingBuilder AddWorkerLogging(this ILoggingBuilder logging, IConfiguration configuration, TextWriter log, bool service)
    {
        logging.ClearProviders();
        logging.AddConfiguration(configuration.GetSection("Logging"));

        // Our defaults go in first, so that the Logging:Console:FormatterOptions settings, which
        // AddConsole binds after them, win.
        logging.Services.Configure<SimpleConsoleFormatterOptions>(options =>
        {
            options.SingleLine = true;
            options.UseUtcTimestamp = true;
            options.TimestampFormat = TimestampFormat + " ";
            // Colour codes would end up in files and pipes that standard error is redirected to.
            options.ColorBehavior = LoggerColorBehavior.Disabled;
        });
        logging.Services.Configure<JsonConsoleFormatterOptions>(options =>
        {
            options.UseUtcTimestamp = true;
            options.TimestampFormat = TimestampFormat;
            // Log lines are not HTML: '+' and non-ASCII letters stay as they are instead of \u escapes.
            options.JsonWriterOptions = new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
        });
        logging.AddConsole();
        // AddConsole brought the formatters and bound their settings; its provider, which would
        // write to the process's console rather than the run's writer, is replaced by ours.
        logging.Services.RemoveAll<ILoggerProvider>();
        logging.Services.AddSingleton<ILoggerProvider>(services => new LogWriterProvider(
            log, services.GetServices<ConsoleFormatter>(), services.GetRequiredService<IOptionsMonitor<ConsoleLoggerOptions>>()));

        if (configuration["Logging:LogLevel:Default"] is null)
        {
            // --once prints its own summary; only problems need logging. The service logs each pass.
            logging.SetMinimumLevel(service ? LogLevel.Information : LogLevel.Warning);
        }
        logging.AddFilter("Microsoft", LogLevel.Warning);
        logging.AddFilter("System.Net.Http", LogLevel.Warning);
        logging.AddFilter("Quartz", LogLevel.Warning);
        return logging;
    }
}
