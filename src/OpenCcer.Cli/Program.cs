Console.WriteLine("ccer");
