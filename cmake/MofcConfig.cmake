# MofcConfig.cmake - find_package(Mofc) support for an installed mofc.
#
#   find_package(Mofc 0.1 REQUIRED)
#   add_library(win32 STATIC)
#   mofc_generate(TARGET win32 LANGUAGE c
#                 MOF_FILES schemas/cimwin32.mof OUT_DIR gen/win32)
#
# Defines the imported targets Mofc::mofc (the compiler) and Mofc::libmofc
# (the static library, with its include directory and link dependencies),
# and mofc_generate().  `make install` fills in @MOFC_LINK_LIBS@ and puts
# it in PREFIX/lib/cmake/Mofc/; every path below is found relative to it.

# add_custom_command(DEPFILE) with both generators needs CMake 3.20.  The
# policies are set in this file's own scope (find_package gives it one), so
# mofc_generate() keeps them whatever the calling project asks for.
if(CMAKE_VERSION VERSION_LESS 3.20)
  set(${CMAKE_FIND_PACKAGE_NAME}_FOUND FALSE)
  set(${CMAKE_FIND_PACKAGE_NAME}_NOT_FOUND_MESSAGE "mofc_generate() needs CMake 3.20 or later")
  return()
endif()
cmake_policy(VERSION 3.20)

get_filename_component(_mofc_prefix "${CMAKE_CURRENT_LIST_DIR}/../../.." ABSOLUTE)

if(NOT TARGET Mofc::mofc)
  add_executable(Mofc::mofc IMPORTED)
  set_target_properties(Mofc::mofc PROPERTIES
    IMPORTED_LOCATION "${_mofc_prefix}/bin/mofc")
endif()

if(NOT TARGET Mofc::libmofc AND EXISTS "${_mofc_prefix}/lib/libmofc.a")
  include(CMakeFindDependencyMacro)
  find_dependency(Threads)
  # The Makefile's LIB_LIBS, filled in by make install (libxml2 is loaded
  # at run time, not linked).
  separate_arguments(_mofc_link_libs UNIX_COMMAND "@MOFC_LINK_LIBS@")
  add_library(Mofc::libmofc STATIC IMPORTED)
  set_target_properties(Mofc::libmofc PROPERTIES
    IMPORTED_LOCATION "${_mofc_prefix}/lib/libmofc.a"
    INTERFACE_INCLUDE_DIRECTORIES "${_mofc_prefix}/include"
    INTERFACE_LINK_LIBRARIES "Threads::Threads;${_mofc_link_libs}")
endif()

set(MOFC_EXECUTABLE "${_mofc_prefix}/bin/mofc")

# mofc_generate(TARGET tgt LANGUAGE c|doc MOF_FILES file... OUT_DIR dir
#               [OPTIONS option...] [OUTPUTS_VAR var])
#
# Runs `mofc LANGUAGE` on MOF_FILES into OUT_DIR (relative: below the
# current binary directory) at build time.  The command's output is a
# stamp file, touched by `mofc --stamp` on every successful run, and its
# depfile names every file mofc read (includes, --template-dir templates),
# so the command reruns exactly when one of them changes, and never when
# nothing did; files whose bytes did not change keep their mtime.
#
# The files mofc writes are found at configure time (`mofc LANGUAGE
# --list-outputs`) and declared as BYPRODUCTS; MOF_FILES are configure
# dependencies, so adding a class reconfigures.  If `tgt` is a library or
# an executable, LANGUAGE c adds the generated .c files to its sources and
# OUT_DIR to its include directories; otherwise `tgt` is created as a
# custom target built by default.  OPTIONS go to mofc as they are
# (--class NAME, --template-dir DIR, --format=html, --locale fr, -W...).
# OUTPUTS_VAR receives the list of generated files.
function(mofc_generate)
  cmake_parse_arguments(arg "" "TARGET;LANGUAGE;OUT_DIR;OUTPUTS_VAR" "MOF_FILES;OPTIONS" ${ARGN})
  if(arg_UNPARSED_ARGUMENTS)
    message(FATAL_ERROR "mofc_generate: unknown arguments: ${arg_UNPARSED_ARGUMENTS}")
  endif()
  foreach(required TARGET LANGUAGE OUT_DIR MOF_FILES)
    if(NOT arg_${required})
      message(FATAL_ERROR "mofc_generate: ${required} is required")
    endif()
  endforeach()
  if(NOT arg_LANGUAGE MATCHES "^(c|doc)$")
    message(FATAL_ERROR "mofc_generate: LANGUAGE must be c or doc, not '${arg_LANGUAGE}'")
  endif()

  get_filename_component(out_dir "${arg_OUT_DIR}" ABSOLUTE BASE_DIR "${CMAKE_CURRENT_BINARY_DIR}")
  set(mofs)
  foreach(mof IN LISTS arg_MOF_FILES)
    get_filename_component(mof "${mof}" ABSOLUTE BASE_DIR "${CMAKE_CURRENT_SOURCE_DIR}")
    list(APPEND mofs "${mof}")
  endforeach()
  string(MAKE_C_IDENTIFIER "${arg_TARGET}_${arg_LANGUAGE}" stamp_name)
  set(stamp "${CMAKE_CURRENT_BINARY_DIR}/${stamp_name}.mofc-stamp")

  # The outputs, for the generator to know who makes them.
  execute_process(
    COMMAND "${MOFC_EXECUTABLE}" ${arg_LANGUAGE} --list-outputs -o "${out_dir}" ${arg_OPTIONS} ${mofs}
    OUTPUT_VARIABLE listed
    ERROR_VARIABLE errors
    RESULT_VARIABLE status)
  if(NOT status EQUAL 0)
    message(FATAL_ERROR "mofc_generate(${arg_TARGET}): mofc ${arg_LANGUAGE} failed:\n${errors}")
  endif()
  string(REGEX REPLACE "\n$" "" listed "${listed}")
  string(REPLACE "\n" ";" outputs "${listed}")
  set_property(DIRECTORY APPEND PROPERTY CMAKE_CONFIGURE_DEPENDS ${mofs})

  add_custom_command(
    OUTPUT "${stamp}"
    BYPRODUCTS ${outputs}
    COMMAND Mofc::mofc ${arg_LANGUAGE} -MD --stamp "${stamp}" -o "${out_dir}" ${arg_OPTIONS} ${mofs}
    DEPENDS ${mofs}
    DEPFILE "${stamp}.d"
    COMMENT "mofc ${arg_LANGUAGE}: ${arg_TARGET} -> ${out_dir}"
    VERBATIM)

  set(kind "")
  if(TARGET ${arg_TARGET})
    get_target_property(kind ${arg_TARGET} TYPE)
  endif()
  if(kind MATCHES "LIBRARY|EXECUTABLE" AND arg_LANGUAGE STREQUAL "c")
    set(sources ${outputs})
    list(FILTER sources INCLUDE REGEX "\\.c$")
    target_sources(${arg_TARGET} PRIVATE ${sources} "${stamp}")
    target_include_directories(${arg_TARGET} PUBLIC "${out_dir}")
  elseif(kind)
    add_custom_target(${stamp_name}_mofc ALL DEPENDS "${stamp}")
    add_dependencies(${arg_TARGET} ${stamp_name}_mofc)
  else()
    add_custom_target(${arg_TARGET} ALL DEPENDS "${stamp}")
  endif()
  if(arg_OUTPUTS_VAR)
    set(${arg_OUTPUTS_VAR} ${outputs} PARENT_SCOPE)
  endif()
endfunction()
