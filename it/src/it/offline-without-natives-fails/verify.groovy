// Messages.FORK_CLASSPATH_OFFLINE: "mlp: Maven is offline (-o) and the local repository lacks %s, which the forked
// JVM needs - run the build once online, or fetch it: %s"
def log = new File(basedir, 'build.log').text
assert log.contains('mlp: Maven is offline (-o) and the local repository lacks'
        + ' org.nd4j:nd4j-native:1.0.0-M2.1:jar:windows-x86_64, org.bytedeco:openblas:0.3.19-1.5.7:jar:windows-x86_64,'
        + ' which the forked JVM needs - run the build once online, or fetch it:'
        + ' mvn dependency:get -Dartifact=org.nd4j:nd4j-native:1.0.0-M2.1:jar:windows-x86_64;'
        + ' mvn dependency:get -Dartifact=org.bytedeco:openblas:0.3.19-1.5.7:jar:windows-x86_64')
assert !log.contains('dataset fashion-mnist-sample is ready')
return true
