namespace ParIndex.Silo;

public static class Program
{
    public static int Main(string[] args)
    {
        Console.Error.WriteLine("ParIndex: chưa có lệnh nào.");
        return 1;
    }
}
