using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Nodes;
using Notebooks.Tests.Support;

namespace Notebooks.Tests.Kernel;

/// <summary>
/// The course kernel started the way VS Code's Polyglot Notebooks starts it: the command from .vscode/settings.json,
/// with <c>{dotnet_path}</c> and <c>{working_dir}</c> filled in, spoken to in JSON envelopes over stdin and stdout.
/// </summary>
internal sealed class StdioKernel : IDisposable
{
    private readonly Process process;
    private readonly Stopwatch clock = Stopwatch.StartNew();
    private int tokens;

    private StdioKernel(Process process) => this.process = process;

    /// <summary>Seconds from start to the KernelReady event.</summary>
    public double ReadySeconds { get; private set; }

    /// <summary>The <c>polyglot-notebook.kernelTransportArgs</c> setting of .vscode/settings.json (the dotnet-interactive one must match).</summary>
    public static string[] SettingsCommand()
    {
        var settings = Settings(Path.Combine(Repository.Root, ".vscode", "settings.json"));
        string[] args = [.. settings["polyglot-notebook.kernelTransportArgs"]!.AsArray().Select(a => (string)a!)];
        string[] older = [.. settings["dotnet-interactive.kernelTransportArgs"]!.AsArray().Select(a => (string)a!)];
        Assert.Equal(args, older);
        return args;
    }

    /// <summary>A VS Code settings file (JSON with comments).</summary>
    /// <param name="path">The file.</param>
    public static JsonNode Settings(string path)
    {
        var options = new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true };
        return JsonNode.Parse(File.ReadAllText(path), documentOptions: options)!;
    }

    /// <summary>Starts the kernel in <paramref name="workingDirectory"/> and waits for its KernelReady event.</summary>
    /// <param name="workingDirectory">The notebook's folder, as VS Code passes it.</param>
    public static StdioKernel Start(string workingDirectory)
    {
        string dotnet = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host ? host : "dotnet";
        var args = SettingsCommand().Select(a => a.Replace("{dotnet_path}", dotnet, StringComparison.Ordinal).Replace("{working_dir}", workingDirectory, StringComparison.Ordinal)).ToArray();
        var start = new ProcessStartInfo(args[0])
        {
            WorkingDirectory = workingDirectory, // kernelTransportWorkingDirectory is {working_dir}
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (string arg in args.Skip(1))
        {
            start.ArgumentList.Add(arg);
        }

        var kernel = new StdioKernel(Process.Start(start)!);
        kernel.process.ErrorDataReceived += (_, _) => { };
        kernel.process.BeginErrorReadLine();
        var ready = kernel.Next(TimeSpan.FromMinutes(2));
        Assert.True(ready?["eventType"]?.GetValue<string>() == "KernelReady", $"the kernel's first line is not KernelReady: {ready?.ToJsonString()}");
        kernel.ReadySeconds = kernel.clock.Elapsed.TotalSeconds;
        return kernel;
    }

    /// <summary>Sends <paramref name="code"/> as a SubmitCode envelope for the csharp kernel and collects its events until its CommandSucceeded or CommandFailed.</summary>
    /// <param name="code">A cell's code.</param>
    /// <param name="timeout">How long the cell may take.</param>
    public CellResult Submit(string code, TimeSpan timeout)
    {
        string token = $"cell-{++tokens}";
        var envelope = new JsonObject
        {
            ["token"] = token,
            ["commandType"] = "SubmitCode",
            ["command"] = new JsonObject { ["code"] = code, ["targetKernelName"] = "csharp" },
        };
        process.StandardInput.WriteLine(envelope.ToJsonString());
        process.StandardInput.Flush();
        var html = new List<string>();
        var deadline = clock.Elapsed + timeout;
        while (true)
        {
            var left = deadline - clock.Elapsed;
            var line = left > TimeSpan.Zero ? Next(left) : null;
            if (line is null)
            {
                return new CellResult(false, $"no CommandSucceeded or CommandFailed for {token} within {timeout.TotalSeconds:0} s", html);
            }

            if ((string?)line["command"]?["token"] != token)
            {
                continue;
            }

            string type = (string?)line["eventType"] ?? "";
            foreach (var value in line["event"]?["formattedValues"]?.AsArray() ?? [])
            {
                if ((string?)value?["mimeType"] == "text/html")
                {
                    html.Add((string?)value?["value"] ?? "");
                }
            }

            if (type == "CommandSucceeded")
            {
                return new CellResult(true, "", html);
            }

            if (type == "CommandFailed")
            {
                return new CellResult(false, (string?)line["event"]?["message"] ?? "", html);
            }
        }
    }

    public void Dispose()
    {
        try
        {
            process.StandardInput.Close(); // as VS Code does when it closes the notebook: the kernel ends
            if (!process.WaitForExit(TimeSpan.FromSeconds(20)))
            {
                process.Kill(entireProcessTree: true);
            }
        }
        finally
        {
            process.Dispose();
        }
    }

    private JsonNode? Next(TimeSpan timeout)
    {
        var read = process.StandardOutput.ReadLineAsync();
        if (!read.Wait(timeout) || read.Result is null)
        {
            return null;
        }

        return JsonNode.Parse(read.Result);
    }

    /// <summary>What one cell did.</summary>
    /// <param name="Succeeded">True on CommandSucceeded.</param>
    /// <param name="Message">CommandFailed's message; empty on success.</param>
    /// <param name="Html">The text/html of every value the cell showed.</param>
    internal sealed record CellResult(bool Succeeded, string Message, IReadOnlyList<string> Html);
}
