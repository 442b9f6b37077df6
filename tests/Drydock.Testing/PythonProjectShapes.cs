namespace Drydock.Testing;

/// <summary>Small but real Python projects of each shape init supports.</summary>
public static class PythonProjectShapes
{
    public static TempTree Poetry()
    {
        var tree = new TempTree();
        tree.Write("pyproject.toml", """
            [tool.poetry]
            name = "Billing_Worker"
            version = "0.1.0"
            description = "Temporal worker"
            authors = ["Team <team@example.com>"]
            packages = [{ include = "billing", from = "src" }]

            [tool.poetry.dependencies]
            python = ">=3.11,<4.0"
            temporalio = "^1.7"
            redis = "^5.0"

            [build-system]
            requires = ["poetry-core>=1.9"]
            build-backend = "poetry.core.masonry.api"
            """)
            .Write("poetry.lock", "# lock\n")
            .Write("src/billing/__init__.py", "")
            .Write("src/billing/worker.py", """
                import asyncio

                from temporalio.client import Client
                from temporalio.worker import Worker


                async def main():
                    client = await Client.connect("localhost:7233")
                    await Worker(client, task_queue="billing", workflows=[], activities=[]).run()


                if __name__ == "__main__":
                    asyncio.run(main())
                """)
            .Write("tests/test_worker.py", "def test_nothing():\n    assert True\n");
        return tree;
    }

    public static TempTree Pip()
    {
        var tree = new TempTree();
        tree.Write("requirements.txt", "flask==3.0.3\ngunicorn==22.0.0\npsycopg2-binary==2.9.9\n")
            .Write("pyproject.toml", "[project]\nname = \"shop\"\nversion = \"1.0\"\nrequires-python = \">=3.9,<3.12\"\ndependencies = [\"flask==3.0.3\", \"gunicorn==22.0.0\", \"psycopg2-binary==2.9.9\"]\n")
            .Write("shop/__init__.py", "")
            .Write("shop/web.py", """
                from flask import Flask

                app = Flask(__name__)


                @app.route("/healthz")
                def health():
                    return "ok"
                """);
        return tree;
    }

    public static TempTree Uv()
    {
        var tree = new TempTree();
        tree.Write("pyproject.toml", """
            [project]
            name = "reporter"
            version = "2.0.0"
            requires-python = ">=3.12"
            dependencies = ["httpx>=0.27"]

            [project.scripts]
            reporter = "reporter.cli:main"

            [build-system]
            requires = ["hatchling"]
            build-backend = "hatchling.build"
            """)
            .Write("uv.lock", "version = 1\n")
            .Write("src/reporter/__init__.py", "")
            .Write("src/reporter/cli.py", "def main():\n    print('report')\n");
        return tree;
    }
}
