# `cmake --install` installs the public headers, the kg library and a CMake
# package so that other projects can `find_package(kg)` (see examples/embed).
include(GNUInstallDirs)
include(CMakePackageConfigHelpers)
if(TARGET kg)
  install(DIRECTORY ${CMAKE_SOURCE_DIR}/include/kg DESTINATION ${CMAKE_INSTALL_INCLUDEDIR})
  # The syntax model (kg::SyntaxModel::DefaultPath finds it next to the
  # library as <lib>/../share/kg/en.kgm).
  if(EXISTS ${CMAKE_SOURCE_DIR}/models/en.kgm)
    install(FILES ${CMAKE_SOURCE_DIR}/models/en.kgm DESTINATION ${CMAKE_INSTALL_DATADIR}/kg)
  endif()
  install(TARGETS kg EXPORT kgTargets
    LIBRARY DESTINATION ${CMAKE_INSTALL_LIBDIR}
    ARCHIVE DESTINATION ${CMAKE_INSTALL_LIBDIR}
    INCLUDES DESTINATION ${CMAKE_INSTALL_INCLUDEDIR})
  install(EXPORT kgTargets NAMESPACE kg:: DESTINATION ${CMAKE_INSTALL_LIBDIR}/cmake/kg)
  configure_package_config_file(${CMAKE_SOURCE_DIR}/cmake/kgConfig.cmake.in
    ${CMAKE_BINARY_DIR}/kgConfig.cmake INSTALL_DESTINATION ${CMAKE_INSTALL_LIBDIR}/cmake/kg)
  write_basic_package_version_file(${CMAKE_BINARY_DIR}/kgConfigVersion.cmake
    VERSION ${PROJECT_VERSION} COMPATIBILITY SameMinorVersion)
  install(FILES ${CMAKE_BINARY_DIR}/kgConfig.cmake ${CMAKE_BINARY_DIR}/kgConfigVersion.cmake
    DESTINATION ${CMAKE_INSTALL_LIBDIR}/cmake/kg)
endif()
