package main

import "fmt"

func sieve(n int) []int {
	composite := make([]bool, n+1)
	var primes []int
	for i := 2; i <= n; i++ {
		if composite[i] {
			continue
		}
		primes = append(primes, i)
		for j := i * i; j <= n; j += i {
			composite[j] = true
		}
	}
	return primes
}

func main() {
	ps := sieve(100)
	fmt.Println(len(ps), ps)
	big := sieve(200000)
	fmt.Println(len(big), big[len(big)-1], big[1000])
	sum := 0
	for _, p := range big {
		sum += p
	}
	fmt.Println("sum", sum)
	twins := 0
	for i := 1; i < len(big); i++ {
		if big[i]-big[i-1] == 2 {
			twins++
		}
	}
	fmt.Println("twin pairs", twins)
	gap, at := 0, 0
	for i := 1; i < len(big); i++ {
		if d := big[i] - big[i-1]; d > gap {
			gap, at = d, big[i-1]
		}
	}
	fmt.Println("max gap", gap, "after", at)
}
