module fmtgolden

go 1.27
