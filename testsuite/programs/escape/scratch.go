package main

// Issue 12/14's scratch-slice shape: a 2 KB slice made per iteration of a hot loop,
// used and dropped. It does not escape, so gc keeps it in the frame; so must we (the
// measured version runs 2M iterations; this one is small enough for every pass
// configuration, including the ones that keep it on the heap).

func fill(b []byte, i int) int {
	for j := range b {
		b[j] += byte(i + j)
	}
	return int(b[i%len(b)])
}

func main() {
	sum := 0
	for i := 0; i < 20000; i++ {
		buf := make([]byte, 2048)
		sum += fill(buf, i)
	}
	println(sum)
}
