// The course kernel over stdio: what VS Code's Polyglot Notebooks starts (see .vscode/settings.json and
// notebooks/README.md). It reads kernel commands as JSON lines on stdin and writes events as JSON lines on stdout,
// the protocol of .NET Interactive's own stdio kernel; the kernel itself lives in lib/Course.Notebooks.
return await Course.Notebooks.KernelHostCommand.RunAsync(args);
