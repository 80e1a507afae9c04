using System.CommandLine;
using System.Net;
using Microsoft.Extensions.Hosting;

namespace Course.Cli.Commands;

/// <summary>
/// <c>course playground [--out DIR] [--port N] [--host ADDRESS] [--site DIR]</c>: serves the browser playground on this machine
/// and prints its address, or writes it as static files into a folder that any web host can serve.
/// </summary>
public static class PlaygroundCommand
{
    /// <summary>Builds the verb.</summary>
    public static Command Create()
    {
        var outFolder = new Option<string?>("--out") { Description = "Write the playground's static files into this folder (index.html at its root) instead of serving them." };
        var port = new Option<int>("--port") { Description = $"The port to serve on; 0 picks a free one. Default {PlaygroundSite.DefaultPort}.", DefaultValueFactory = _ => PlaygroundSite.DefaultPort };
        var host = new Option<string>("--host") { Description = "The address to listen on. Default 127.0.0.1 (this machine only); 0.0.0.0 lets the room in.", DefaultValueFactory = _ => "127.0.0.1" };
        var site = new Option<string?>("--site") { Description = "Serve this folder instead of the playground built beside course, like the wwwroot/ of a trimmed 'dotnet publish lib/SplitBrain.Playground -c Release'." };
        var command = new Command("playground", "Serve the browser playground (the real simulator in WebAssembly) and print its address, or write it to a folder.")
        {
            outFolder, port, host, site,
        };
        command.SetAction(parsed =>
        {
            var output = parsed.InvocationConfiguration.Output;
            try
            {
                if (parsed.GetValue(outFolder) is { } folder)
                {
                    var (files, bytes) = PlaygroundSite.Write(folder);
                    output.WriteLine($"Wrote the playground ({files} files, {bytes / 1_000_000.0:0.0} MB) to {Path.GetFullPath(folder)}; serve that folder from any static web host and open index.html.");
                    return 0;
                }

                int number = parsed.GetValue(port);
                if (number is < 0 or > 65535)
                {
                    throw new UsageException($"--port must be between 0 and 65535; got {number}.");
                }

                if (!IPAddress.TryParse(parsed.GetValue(host), out var address))
                {
                    throw new UsageException($"--host must be an IP address like 127.0.0.1 or 0.0.0.0; got \"{parsed.GetValue(host)}\".");
                }

                var (server, url) = PlaygroundSite.Serve(address, number, parsed.GetValue(site));
                output.WriteLine($"The playground is at {url} (Ctrl+C stops it).");
                output.WriteLine($"Try a run: {url}?scenario=bank-ledger&seed=1&fencing=off");
                output.Flush();
                server.WaitForShutdown();
                return 0;
            }
            catch (InvalidOperationException missing)
            {
                throw new UsageException(missing.Message);
            }
            catch (IOException busy) when (busy.InnerException is System.Net.Sockets.SocketException || busy.Message.Contains("address", StringComparison.OrdinalIgnoreCase))
            {
                throw new UsageException($"cannot listen on {parsed.GetValue(host)}:{parsed.GetValue(port)} (another program may be using that port); choose another --port.");
            }
        });
        return command;
    }
}
