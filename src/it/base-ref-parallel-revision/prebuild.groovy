// The git repository of this IT (it-support.groovy, baseRefRepository): main has the published 3f2a9c1e7b40 <-
// 5d7e2f90a1c3, then 8c41d0b7e925 on 5d7e2f90a1c3; the branch feature (checked out) has b7e3a1c95d20 on 5d7e2f90a1c3.
evaluate(new File(itSupport)).baseRefRepository()
