namespace Course.Grading;

/// <summary>The files a student copy gets in place of the instructors' ones: its README and its Classroom workflow.</summary>
public static class StudentFiles
{
    /// <summary>The learners' README.</summary>
    public const string Readme = """
        # Split Brain & Fencing in C#: your exercises

        ```bash
        dotnet run --project lib/Course.Cli                    # your path: the lessons, their exercises, your points, the next step
        dotnet run --project lib/Course.Cli -- grade           # grade your exercises: a scoreboard with points and hints
        dotnet run --project lib/Course.Cli -- grade --watch   # grade again every time you save
        ```

        Both need only the .NET 10 SDK. The first run builds everything and takes a minute; then it is quick.

        ## How it works

        - **notebooks/** are the lessons. Open them in VS Code with the Polyglot Notebooks extension and run the cells.
        - **exercises/** is what you write. Each file is one exercise: its comment at the top states the task, the
          rules from the lesson and a hint. Every method throws `NotImplementedException` until you write it.
          `exercises/Support/` holds the types the exercises use; you do not need to change them.
        - **tests/Exercises.Tests/** are the graded tests, named by exercise and task
          (`Exercise02_FencingGuard.Task2_RejectsALowerToken`). Each is worth points; you earn them test by test.
        - **lib/** is the simulator the lessons use, and the `course` command.

        Work through the exercises in order: 1 quorum math, 2 fencing guard, 3 durable guard, 4 lease holder,
        5 voter, 6 job worker, 7 token issuer, 8 promotion controller, 9 split-brain detector, 10 fenced ledger.
        Grade one exercise at a time with `grade --exercise 2`.

        The grader runs your code in a separate process: an endless loop fails its test after a timeout, and an
        exception, a stack overflow or `Environment.Exit` fails only the test it happened in. It never changes your files.

        ## Submitting

        Push your work. The GitHub Classroom workflow (`.github/workflows/classroom.yml`) grades it and reports
        your points; `grade --json result.json` writes the same result on your machine.
        """;

    /// <summary>The GitHub Classroom workflow: grade, then report the points to Classroom.</summary>
    public const string ClassroomWorkflow = """
        name: Autograding
        on:
          push:
          workflow_dispatch:
        permissions:
          checks: write
          actions: read
          contents: read
        jobs:
          grade:
            runs-on: ubuntu-latest
            if: github.actor != 'github-classroom[bot]'
            timeout-minutes: 15
            steps:
              - uses: actions/checkout@v4
              - uses: actions/setup-dotnet@v4
                with:
                  global-json-file: global.json
              - name: Grade the exercises
                id: grade
                run: |
                  dotnet run --project lib/Course.Cli -- grade --json grade.json --classroom classroom.json | tee -a "$GITHUB_STEP_SUMMARY"
                  echo "result=$(base64 -w0 classroom.json)" >> "$GITHUB_OUTPUT"
              - name: Report the points to GitHub Classroom
                uses: classroom-resources/autograding-grading-reporter@v1
                env:
                  GRADE_RESULTS: ${{ steps.grade.outputs.result }}
                with:
                  runners: grade
              - name: Keep the full result
                if: always()
                uses: actions/upload-artifact@v4
                with:
                  name: grade
                  path: grade.json
        """;
}
