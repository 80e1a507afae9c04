using Course.Cli;

return CourseApp.Run(args, Console.Out, Console.Error);
