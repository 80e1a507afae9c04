using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.StaticFiles;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using SplitBrain;

namespace Course.Cli.Commands;

/// <summary>
/// The browser playground as static files: the real simulator compiled to WebAssembly, an index.html, its scripts
/// and plotly.js. It ships in the <c>playground</c> folder beside <c>course</c> (copied there by the build from
/// lib/SplitBrain.Playground). <see cref="Write"/> puts a copy in any folder (for a web host, or a lesson site);
/// <see cref="Serve"/> serves it on a local address for a workshop room.
/// </summary>
public static class PlaygroundSite
{
    /// <summary>The port <c>course playground</c> serves on unless told otherwise, and the one the printed links name.</summary>
    public const int DefaultPort = 5180;

    /// <summary>
    /// The folder of the built site: the <c>playground</c> folder beside the <c>course</c> program, or, when these
    /// types run inside another program of the course (a test host), the newest build in lib/SplitBrain.Playground.
    /// </summary>
    public static string Folder
    {
        get
        {
            string beside = Path.Combine(AppContext.BaseDirectory, "playground");
            if (File.Exists(Path.Combine(beside, "index.html")))
            {
                return beside;
            }

            for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
            {
                string bin = Path.Combine(folder.FullName, "lib", "SplitBrain.Playground", "bin");
                if (File.Exists(Path.Combine(folder.FullName, "course.sln")) && Directory.Exists(bin))
                {
                    var newest = Directory.GetFiles(bin, "index.html", SearchOption.AllDirectories)
                        .Where(page => Path.GetFileName(Path.GetDirectoryName(page)) == "site")
                        .OrderByDescending(File.GetLastWriteTimeUtc)
                        .FirstOrDefault();
                    if (newest is not null)
                    {
                        return Path.GetDirectoryName(newest)!;
                    }
                }
            }

            return beside;
        }
    }

    /// <summary>The address of a run in the playground served on this machine by <c>course playground</c>.</summary>
    /// <param name="scenario">The scenario's name.</param>
    /// <param name="options">The run's options.</param>
    public static string Link(string scenario, ScenarioOptions options) =>
        $"http://127.0.0.1:{DefaultPort}/?{RunLink.Query(scenario, options)}";

    /// <summary>Copies the site into <paramref name="folder"/> (created if missing), with index.html at its root.</summary>
    /// <param name="folder">Where to put it; files of the same name are replaced.</param>
    /// <returns>How many files were written and their total size in bytes.</returns>
    /// <exception cref="InvalidOperationException">The site was not built beside <c>course</c>.</exception>
    public static (int Files, long Bytes) Write(string folder)
    {
        ArgumentNullException.ThrowIfNull(folder);
        string source = RequireBuilt();
        int files = 0;
        long bytes = 0;
        foreach (string file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
        {
            string target = Path.Combine(folder, Path.GetRelativePath(source, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target, overwrite: true);
            files++;
            bytes += new FileInfo(file).Length;
        }

        return (files, bytes);
    }

    /// <summary>
    /// Serves the site on <paramref name="address"/>:<paramref name="port"/> until the returned app is stopped.
    /// A file with a precompressed <c>.gz</c> twin is sent compressed to a browser that accepts gzip, as a static
    /// host would; a <c>.wasm</c> file is sent as <c>application/wasm</c>.
    /// </summary>
    /// <param name="address">The address to listen on, like 127.0.0.1.</param>
    /// <param name="port">The port; 0 picks a free one.</param>
    /// <param name="folder">The site to serve; null for the one built beside <c>course</c>.</param>
    /// <returns>The running server and the address a browser opens, like <c>http://127.0.0.1:5180/</c>.</returns>
    /// <exception cref="InvalidOperationException">The folder has no index.html.</exception>
    public static (WebApplication Server, string Url) Serve(IPAddress address, int port, string? folder = null)
    {
        ArgumentNullException.ThrowIfNull(address);
        string site = folder is null ? RequireBuilt() : Path.GetFullPath(folder);
        if (!File.Exists(Path.Combine(site, "index.html")))
        {
            throw new InvalidOperationException($"{site} has no index.html: it is not a playground site.");
        }

        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ContentRootPath = site, WebRootPath = site });
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(kestrel => kestrel.Listen(address, port));
        var app = builder.Build();
        var types = new FileExtensionContentTypeProvider();
        var files = new PhysicalFileProvider(site);
        app.Use(async (context, next) =>
        {
            // Precompressed twin: /_framework/x.wasm is answered from x.wasm.gz when the browser takes gzip.
            string path = context.Request.Path.Value ?? "/";
            if (context.Request.Headers.AcceptEncoding.ToString().Contains("gzip", StringComparison.Ordinal)
                && files.GetFileInfo(path + ".gz").Exists && types.TryGetContentType(path, out string? type))
            {
                context.Request.Path = path + ".gz";
                context.Response.Headers.ContentEncoding = "gzip";
                context.Response.Headers.Vary = "Accept-Encoding";
                context.Items["playground-type"] = type;
            }

            await next(context);
        });
        app.UseDefaultFiles(new DefaultFilesOptions { FileProvider = files });
        app.UseStaticFiles(new StaticFileOptions
        {
            FileProvider = files,
            ContentTypeProvider = types,
            ServeUnknownFileTypes = true,
            DefaultContentType = "application/octet-stream",
            OnPrepareResponse = served =>
            {
                if (served.Context.Items["playground-type"] is string type)
                {
                    served.Context.Response.ContentType = type;
                }
            },
        });
        app.Start();
        var bound = app.Urls.First();
        return (app, bound.EndsWith('/') ? bound : bound + "/");
    }

    private static string RequireBuilt()
    {
        if (!File.Exists(Path.Combine(Folder, "index.html")))
        {
            throw new InvalidOperationException($"The playground is not built beside course ({Folder} has no index.html); build it with: dotnet build lib/Course.Cli");
        }

        return Folder;
    }
}
